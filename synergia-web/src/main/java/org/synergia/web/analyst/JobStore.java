package org.synergia.web.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The analyst jobs' records in an embedded DuckDB database inside the workspace
 * ({@code <workspace>/analyst/analyst.duckdb}), so that jobs and where their results lie survive
 * a restart. The database holds no survey value: the job's owner, case, stored upload's file
 * name (inside the protected uploads folder), the name the analyst gave the file, state, failure
 * message and publication flag. The estimates stay in the job's own results database.
 *
 * <p>The file is opened for each change and closed at once, never held, and connections to it
 * from this process never overlap, so two servers started on one workspace in one process (as
 * tests do) do not lock each other out.
 */
final class JobStore {

    /** One stored job. */
    record Row(String id, String owner, String caseId, String upload, String fileName, Jobs.Status status, String message,
            boolean published, Instant created) {}

    private static final Object LOCK = new Object();
    private static final String SCHEMA = "CREATE TABLE IF NOT EXISTS jobs (id VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL,"
            + " case_id VARCHAR NOT NULL, upload VARCHAR NOT NULL, file_name VARCHAR NOT NULL, status VARCHAR NOT NULL,"
            + " message VARCHAR NOT NULL, published BOOLEAN NOT NULL, created TIMESTAMP NOT NULL)";

    private final Path file;

    /** @param file the database file, created with its table when absent */
    JobStore(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder of " + file + ": " + e.getMessage(), e);
        }
        update(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(SCHEMA);
            }
        });
    }

    /**
     * Marks the jobs that were waiting or running when the server last stopped as interrupted:
     * their work was lost with the process.
     *
     * @return how many were marked
     */
    int interruptUnfinished() {
        int[] n = new int[1];
        update(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE jobs SET status = ? WHERE status IN (?, ?)")) {
                p.setString(1, Jobs.Status.INTERRUPTED.name());
                p.setString(2, Jobs.Status.QUEUED.name());
                p.setString(3, Jobs.Status.RUNNING.name());
                n[0] = p.executeUpdate();
            }
        });
        return n[0];
    }

    /** @return every stored job, oldest first */
    List<Row> load() {
        List<Row> rows = new ArrayList<>();
        update(c -> {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT id, owner, case_id, upload, file_name, status, message, published, created"
                            + " FROM jobs ORDER BY created, id")) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            Jobs.Status.valueOf(r.getString(6)), r.getString(7), r.getBoolean(8), r.getTimestamp(9).toInstant()));
                }
            }
        });
        return rows;
    }

    /** @param row a job's current state, inserted or replacing what was stored for it */
    void save(Row row) {
        update(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO jobs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, row.id());
                p.setString(2, row.owner());
                p.setString(3, row.caseId());
                p.setString(4, row.upload());
                p.setString(5, row.fileName());
                p.setString(6, row.status().name());
                p.setString(7, row.message());
                p.setBoolean(8, row.published());
                p.setTimestamp(9, java.sql.Timestamp.from(row.created()));
                p.executeUpdate();
            }
        });
    }

    private interface Work {
        void on(Connection c) throws SQLException;
    }

    private void update(Work work) {
        synchronized (LOCK) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
                work.on(c);
            } catch (SQLException e) {
                throw new IllegalStateException(file + ": cannot use the analyst jobs database (" + e.getMessage()
                        + "); check that the folder is writable and that no other Synergia server has it open", e);
            }
        }
    }
}
