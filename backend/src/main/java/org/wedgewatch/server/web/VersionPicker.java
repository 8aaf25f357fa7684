package org.wedgewatch.server.web;

import java.util.List;
import org.wedgewatch.server.ListStore;

/** A labelled choice of one version of a list, for the forms that compare two. */
public final class VersionPicker {
    private VersionPicker() {
    }

    public static void select(Html h, String label, String name, List<ListStore.HistoryEntry> entries, long selected) {
        h.raw("<label>").text(label).raw(" <select name=\"").raw(name).raw("\">");
        for (ListStore.HistoryEntry e : entries) {
            h.raw("<option value=\"").raw(Long.toString(e.version())).raw("\"").raw(e.version() == selected ? " selected" : "")
                    .raw(">").raw(Long.toString(e.version())).raw("</option>");
        }
        h.raw("</select></label> ");
    }
}
