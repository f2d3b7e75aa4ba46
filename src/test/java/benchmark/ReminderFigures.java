package benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database says after the run (the application stopped): for each reminder of the due
 * batch, its delay from the trigger's fire time ({@code reminder.fire_at}) to the job marking it
 * fired ({@code fired_at}), to its template message entering the outbox ({@code outbox_message.created_at},
 * same transaction) and to the WeChat API stand-in accepting it ({@code sent_at}); how many are
 * pending; and the size of the tables.
 *
 * @param sizes bytes per table (PostgreSQL: {@code pg_total_relation_size}, with indexes and TOAST);
 *              on H2 one entry, the database file
 */
record ReminderFigures(int due, List<Double> firedDelays, List<Double> enqueuedDelays, List<Double> sentDelays,
                       long pending, long triggers, Map<String, Long> sizes) {

    static ReminderFigures postgres(String url, String user, String schema, String dueText) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, System.getProperty("bench.pg.password", ""))) {
            Map<String, Long> sizes = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("select c.relname, pg_total_relation_size(c.oid) from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind = 'r'"
                    + " order by 2 desc")) {
                s.setString(1, schema);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sizes.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return read(c, sizes, dueText);
        }
    }

    static ReminderFigures h2(Path dataDir, String dueText) throws Exception {
        Path file = dataDir.resolve("db").resolve("zwgk.mv.db");
        Map<String, Long> sizes = Map.of("H2 file " + file.getFileName(), Files.size(file));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db").resolve("zwgk")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
            return read(c, sizes, dueText);
        }
    }

    private static ReminderFigures read(Connection c, Map<String, Long> sizes, String dueText) throws SQLException {
        Map<Long, Timestamp[]> outbox = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select delivery_key, created_at, sent_at from outbox_message"
                     + " where delivery_key like 'staff:reminder:%'")) {
            while (rs.next()) {
                String[] key = rs.getString(1).split(":");
                outbox.put(Long.parseLong(key[2]), new Timestamp[] {rs.getTimestamp(2), rs.getTimestamp(3)});
            }
        }
        List<Double> fired = new ArrayList<>();
        List<Double> enqueued = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        int due = 0;
        try (PreparedStatement s = c.prepareStatement("select id, fire_at, fired_at from reminder where text = ?")) {
            s.setString(1, dueText);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due++;
                    Timestamp fireAt = rs.getTimestamp(2);
                    add(fired, fireAt, rs.getTimestamp(3));
                    Timestamp[] message = outbox.get(rs.getLong(1));
                    add(enqueued, fireAt, message == null ? null : message[0]);
                    add(sent, fireAt, message == null ? null : message[1]);
                }
            }
        }
        return new ReminderFigures(due, fired, enqueued, sent,
                count(c, "select count(*) from reminder where status = 'PENDING'"),
                count(c, "select count(*) from qrtz_triggers"), sizes);
    }

    private static void add(List<Double> delays, Timestamp scheduled, Timestamp happened) {
        if (happened != null) {
            delays.add((happened.getTime() - scheduled.getTime()) / 1000.0);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The {@code p}th percentile in seconds (nearest rank) over all {@link #due} reminders, those that
     * never got there counting as infinitely late.
     */
    double percentile(List<Double> delays, double p) {
        if (due == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * due);
        List<Double> sorted = delays.stream().sorted().toList();
        return rank <= sorted.size() ? sorted.get(Math.max(rank, 1) - 1) : Double.POSITIVE_INFINITY;
    }

    long total() {
        return sizes.values().stream().mapToLong(Long::longValue).sum();
    }
}
