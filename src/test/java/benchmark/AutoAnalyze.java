package benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for autovacuum's automatic ANALYZE when the benchmark's PostgreSQL runs with
 * {@code autovacuum = off} (as this workplace's does; production keeps PostgreSQL's default, on).
 * Without statistics the planner takes a table that was empty when the run began for an empty
 * one: Quartz's lookup of a trigger by name then used {@code IDX_QRTZ_T_N_G_STATE} (scheduler and
 * group only) and filtered every trigger of the group, and scheduling fell from ~1 000 to ~50
 * reminders a second by 20 000 pending. Every {@code period} seconds this ANALYZEs the schema's
 * tables, as autovacuum would once a tenth of a table has changed.
 */
final class AutoAnalyze implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "auto-analyze");
        t.setDaemon(true);
        return t;
    });
    private final boolean active;
    private volatile int runs;

    private AutoAnalyze(boolean active) {
        this.active = active;
    }

    /** Starts when the server's {@code autovacuum} is off; otherwise does nothing. */
    static AutoAnalyze whenAutovacuumIsOff(String url, String user, String schema, long periodSeconds) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, System.getProperty("bench.pg.password", ""));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show autovacuum")) {
            rs.next();
            if (!"off".equals(rs.getString(1))) {
                return new AutoAnalyze(false);
            }
        }
        AutoAnalyze analyze = new AutoAnalyze(true);
        analyze.timer.scheduleWithFixedDelay(() -> analyze.analyze(url, user, schema), periodSeconds, periodSeconds,
                TimeUnit.SECONDS);
        return analyze;
    }

    private void analyze(String url, String user, String schema) {
        try (Connection c = DriverManager.getConnection(url, user, System.getProperty("bench.pg.password", ""));
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = '" + schema + "'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                s.execute("analyze " + schema + "." + table);
            }
            runs++;
        } catch (SQLException e) {
            System.err.println("auto-analyze: " + e.getMessage());
        }
    }

    /** For the report: what stood in for autovacuum. */
    String describe() {
        return active ? "autovacuum is off on this PostgreSQL: the harness ran ANALYZE on the schema in its place ("
                + runs + " times)" : "autovacuum on";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
