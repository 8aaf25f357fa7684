package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A named pattern: templates that flag a wording, why it matters, and examples that prove it. */
public final class Rule {
    public final String id;
    public final int line;
    String family = "";
    String explanation = "";
    Action action = Action.BLUR;
    final List<Template> templates = new ArrayList<>();
    final List<Exemption> exemptions = new ArrayList<>();
    final List<Example> warnExamples = new ArrayList<>();
    final List<Example> passExamples = new ArrayList<>();

    Rule(String id, int line) {
        this.id = id;
        this.line = line;
    }

    public String family() { return family; }
    public String explanation() { return explanation; }
    public Action action() { return action; }
    public List<Template> templates() { return Collections.unmodifiableList(templates); }
    public List<Example> warnExamples() { return Collections.unmodifiableList(warnExamples); }
    public List<Example> passExamples() { return Collections.unmodifiableList(passExamples); }

    /** An example text and the line it was written on. */
    public static final class Example {
        public final String text;
        public final int line;

        Example(String text, int line) {
            this.text = text;
            this.line = line;
        }
    }
}
