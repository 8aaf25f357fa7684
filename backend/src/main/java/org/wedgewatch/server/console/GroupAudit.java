package org.wedgewatch.server.console;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wedgewatch.server.AuditLog;
import org.wedgewatch.server.Database;

/**
 * The part of the audit log that concerns one group: entries that name the group, one of its
 * lists (publishes, failed authentication on them) or one of its tokens.
 */
final class GroupAudit {
    /** How far back in the whole log to look. */
    private static final int SCAN = 5000;

    private GroupAudit() {
    }

    static List<AuditLog.Entry> of(Database db, String group, Set<String> listIds, Set<String> tokenIds, int limit)
            throws SQLException {
        List<AuditLog.Entry> out = new ArrayList<>();
        for (AuditLog.Entry e : AuditLog.recent(db, SCAN)) {
            if (concerns(e, group, listIds, tokenIds)) out.add(e);
            if (out.size() >= limit) break;
        }
        return out;
    }

    static boolean concerns(AuditLog.Entry e, String group, Set<String> listIds, Set<String> tokenIds) {
        if (namesGroup(e.detail(), group)) return true;
        if (tokenIds.contains(e.subject())) return true;
        String subject = e.subject();
        int cut = subject.length();
        for (char stop : new char[] {'@', '/'}) {
            int i = subject.indexOf(stop);
            if (i >= 0 && i < cut) cut = i;
        }
        return listIds.contains(subject.substring(0, cut));
    }

    /** Whether detail has "group=NAME" as a whole field: followed by its end or by " key=". Names may hold spaces. */
    static boolean namesGroup(String detail, String group) {
        String field = "group=" + group;
        for (int i = detail.indexOf(field); i >= 0; i = detail.indexOf(field, i + 1)) {
            if (i > 0 && detail.charAt(i - 1) != ' ') continue;
            int end = i + field.length();
            if (end == detail.length()) return true;
            if (detail.charAt(end) != ' ') continue;
            int eq = detail.indexOf('=', end);
            int space = detail.indexOf(' ', end + 1);
            if (eq > end + 1 && (space < 0 || eq < space)) return true;
        }
        return false;
    }

    static Set<String> ids(List<GroupTokens.Token> tokens) {
        Set<String> out = new HashSet<>();
        for (GroupTokens.Token t : tokens) out.add(t.id());
        return out;
    }
}
