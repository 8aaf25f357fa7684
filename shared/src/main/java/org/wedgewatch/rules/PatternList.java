package org.wedgewatch.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed list: its headers, term groups, rules and list-wide exemptions. Built by {@link ListParser}. */
public final class PatternList {
    String id = "";
    String title = "";
    String description = "";
    String homepage = "";
    String maintainer = "";
    String license = "";
    long version;
    /** How often clients should check for a new version, in hours. */
    int expiresHours = 24;
    final Map<String, TermGroup> groups = new LinkedHashMap<>();
    final List<Rule> rules = new ArrayList<>();
    final List<Exemption> exemptions = new ArrayList<>();

    PatternList() {
    }

    public String id() { return id; }
    public String title() { return title; }
    public String description() { return description; }
    public String homepage() { return homepage; }
    public String maintainer() { return maintainer; }
    public String license() { return license; }
    public long version() { return version; }
    public int expiresHours() { return expiresHours; }
    public List<Rule> rules() { return Collections.unmodifiableList(rules); }

    public Rule rule(String ruleId) {
        for (Rule r : rules) {
            if (r.id.equals(ruleId)) return r;
        }
        return null;
    }
}
