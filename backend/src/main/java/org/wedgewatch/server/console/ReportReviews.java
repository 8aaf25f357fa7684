package org.wedgewatch.server.console;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.wedgewatch.server.AuditLog;
import org.wedgewatch.server.Database;

/** What maintainers decided about readers' reports: reviewed or dismissed, by whom. A report with no row is open. */
final class ReportReviews {
    static final String REVIEWED = "reviewed";
    static final String DISMISSED = "dismissed";
    static final Set<String> STATUSES = Set.of(REVIEWED, DISMISSED);

    private final Database db;

    ReportReviews(Database db) {
        this.db = db;
    }

    /** Report id -> status, for the reports of one list. */
    Map<String, String> of(String listId) throws SQLException {
        return db.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT r.report_id, r.status FROM console_report_reviews r "
                    + "JOIN reports x ON x.id = r.report_id WHERE x.list_id = ?")) {
                p.setString(1, listId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Sets the status of a report of this list; false when the list has no such report. */
    boolean set(String listId, String reportId, String status, Session by) throws SQLException {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM reports WHERE id = ? AND list_id = ?")) {
                p.setString(1, reportId);
                p.setString(2, listId);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) return false;
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM console_report_reviews WHERE report_id = ?")) {
                p.setString(1, reportId);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO console_report_reviews (report_id, status, reviewed_by, "
                    + "reviewed_at) VALUES (?, ?, ?, ?)")) {
                p.setString(1, reportId);
                p.setString(2, status);
                p.setString(3, by.who());
                p.setLong(4, System.currentTimeMillis());
                p.executeUpdate();
            }
            AuditLog.append(c, "report." + status, by.who(), listId + "/reports/" + reportId, "group=" + by.group());
            return true;
        });
    }
}
