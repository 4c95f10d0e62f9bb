package org.synergia.cases.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.synergia.data.InputException;
import org.synergia.stats.inference.Term;

/**
 * The results of a workspace, in an embedded DuckDB database: one row per case, per estimate and
 * per diagnostic, with provenance (data and specification SHA-256, seed, software version).
 * Storing a case replaces what an earlier run stored for it, so re-running is idempotent.
 */
public final class ResultsStore implements AutoCloseable {

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS cases (case_id VARCHAR PRIMARY KEY, country VARCHAR, region VARCHAR, status VARCHAR,"
                + " message VARCHAR, simulated BOOLEAN, data_file VARCHAR, data_sha256 VARCHAR, spec_sha256 VARCHAR,"
                + " seed BIGINT, n_rows INTEGER, software_version VARCHAR)",
        "CREATE TABLE IF NOT EXISTS estimates (case_id VARCHAR, analysis_id VARCHAR, estimator VARCHAR, outcome VARCHAR,"
                + " domain VARCHAR, term VARCHAR, label VARCHAR, estimate DOUBLE, se DOUBLE, ci_low DOUBLE, ci_high DOUBLE,"
                + " p_value DOUBLE, q_value DOUBLE, n INTEGER, truth DOUBLE, scale DOUBLE, seq INTEGER, term_key VARCHAR)",
        "CREATE TABLE IF NOT EXISTS diagnostics (case_id VARCHAR, analysis_id VARCHAR, outcome VARCHAR, key VARCHAR,"
                + " value VARCHAR, seq INTEGER)",
        "CREATE TABLE IF NOT EXISTS pooled (domain VARCHAR, comparison VARCHAR, region VARCHAR, studies INTEGER,"
                + " estimate DOUBLE, se DOUBLE, ci_low DOUBLE, ci_high DOUBLE, pi_low DOUBLE, pi_high DOUBLE, p_value DOUBLE,"
                + " tau2 DOUBLE, i2 DOUBLE, method VARCHAR, seq INTEGER)",
        "CREATE TABLE IF NOT EXISTS model_results (case_id VARCHAR, model VARCHAR, scenario VARCHAR, statistic VARCHAR,"
                + " estimate DOUBLE, mean DOUBLE, sd DOUBLE, p5 DOUBLE, p95 DOUBLE, seq INTEGER)",
        // stores written before estimates had typed terms
        "ALTER TABLE estimates ADD COLUMN IF NOT EXISTS term_key VARCHAR",
        "CREATE TABLE IF NOT EXISTS pooled_studies (domain VARCHAR, comparison VARCHAR, case_id VARCHAR, region VARCHAR,"
                + " analysis_id VARCHAR, outcomes VARCHAR, estimate DOUBLE, se DOUBLE, seq INTEGER)",
        // the last run: the cases it was to store, when it started and when (if ever) it finished
        "CREATE TABLE IF NOT EXISTS runs (planned VARCHAR, started VARCHAR, finished VARCHAR)",
    };

    /**
     * The last run that wrote into a store.
     *
     * @param planned the cases it was to store
     * @param started when it started (ISO-8601)
     * @param finished when it finished, or null when it never did (interrupted, killed or failed)
     */
    public record RunRecord(List<String> planned, String started, String finished) {

        /** @return whether the run stored every case it was to store */
        public boolean complete() {
            return finished != null;
        }
    }

    private final Connection connection;
    private final Path file;

    private ResultsStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (or creates) a results database.
     *
     * @param file the database file
     * @return the store
     */
    public static ResultsStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
            return new ResultsStore(file, c);
        } catch (java.io.IOException | SQLException e) {
            throw new InputException(file + ": cannot open the results database (" + e.getMessage()
                    + "); check that the folder is writable and that no other Synergia process has it open", e);
        }
    }

    /** @return the database file */
    public Path file() {
        return file;
    }

    /**
     * Records that a run starts, to store these cases; until {@link #finishRun()} the store reads as incomplete.
     *
     * @param caseIds the cases the run is to store
     */
    public synchronized void beginRun(List<String> caseIds) {
        try (Statement d = connection.createStatement();
                PreparedStatement p = connection.prepareStatement("INSERT INTO runs VALUES (?, ?, NULL)")) {
            d.execute("DELETE FROM runs");
            p.setString(1, String.join(",", caseIds));
            p.setString(2, java.time.Instant.now().toString());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the run's start in " + file, e);
        }
    }

    /** Records that the run begun last stored every case it was to store. */
    public synchronized void finishRun() {
        try (PreparedStatement p = connection.prepareStatement("UPDATE runs SET finished = ?")) {
            p.setString(1, java.time.Instant.now().toString());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the run's end in " + file, e);
        }
    }

    /** @return the last run, when the store records one (stores written by earlier versions do not) */
    public synchronized java.util.Optional<RunRecord> lastRun() {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT planned, started, finished FROM runs")) {
            if (!r.next()) {
                return java.util.Optional.empty();
            }
            String planned = r.getString(1);
            return java.util.Optional.of(new RunRecord(planned.isEmpty() ? List.of() : List.of(planned.split(",")), r.getString(2),
                    r.getString(3)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the last run in " + file, e);
        }
    }

    /**
     * Replaces everything stored for a case.
     *
     * @param c the case's record
     * @param estimates its estimates
     * @param diagnostics its diagnostics and warnings
     */
    public synchronized void replaceCase(CaseRecord c, List<EstimateRecord> estimates, List<DiagnosticRecord> diagnostics) {
        try {
            connection.setAutoCommit(false);
            for (String table : List.of("cases", "estimates", "diagnostics")) {
                try (PreparedStatement d = connection.prepareStatement("DELETE FROM " + table + " WHERE case_id = ?")) {
                    d.setString(1, c.caseId());
                    d.executeUpdate();
                }
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO cases VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, c.caseId());
                p.setString(2, c.country());
                p.setString(3, c.region());
                p.setString(4, c.status());
                p.setString(5, c.message());
                p.setBoolean(6, c.simulated());
                p.setString(7, c.dataFile());
                p.setString(8, c.dataSha256());
                p.setString(9, c.specSha256());
                p.setLong(10, c.seed());
                p.setInt(11, c.rows());
                p.setString(12, c.softwareVersion());
                p.executeUpdate();
            }
            try (PreparedStatement p = connection.prepareStatement(
                    "INSERT INTO estimates VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int seq = 0;
                for (EstimateRecord e : estimates) {
                    p.setString(1, e.caseId());
                    p.setString(2, e.analysisId());
                    p.setString(3, e.estimator());
                    p.setString(4, e.outcome());
                    p.setString(5, e.domain());
                    p.setString(6, e.termName());
                    p.setString(7, e.label());
                    setDouble(p, 8, e.estimate());
                    setDouble(p, 9, e.se());
                    setDouble(p, 10, e.ciLow());
                    setDouble(p, 11, e.ciHigh());
                    setDouble(p, 12, e.pValue());
                    setDouble(p, 13, e.qValue());
                    p.setInt(14, e.n());
                    setDouble(p, 15, e.truth());
                    setDouble(p, 16, e.scale());
                    p.setInt(17, seq++);
                    p.setString(18, e.term().key());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO diagnostics VALUES (?,?,?,?,?,?)")) {
                int seq = 0;
                for (DiagnosticRecord d : diagnostics) {
                    p.setString(1, d.caseId());
                    p.setString(2, d.analysisId());
                    p.setString(3, d.outcome());
                    p.setString(4, d.key());
                    p.setString(5, d.value());
                    p.setInt(6, seq++);
                    p.addBatch();
                }
                p.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("could not store the results of " + c.caseId() + " in " + file, e);
        } finally {
            autoCommit();
        }
    }

    /**
     * Replaces the cross-case synthesis.
     *
     * @param pooled the pooled effects
     * @param studies the cases' standardised effects behind them
     */
    public synchronized void replaceSynthesis(List<PooledRecord> pooled, List<StudyRecord> studies) {
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("DELETE FROM pooled");
                s.execute("DELETE FROM pooled_studies");
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO pooled VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int seq = 0;
                for (PooledRecord r : pooled) {
                    p.setString(1, r.domain());
                    p.setString(2, r.comparison());
                    p.setString(3, r.region());
                    p.setInt(4, r.studies());
                    setDouble(p, 5, r.estimate());
                    setDouble(p, 6, r.se());
                    setDouble(p, 7, r.ciLow());
                    setDouble(p, 8, r.ciHigh());
                    setDouble(p, 9, r.piLow());
                    setDouble(p, 10, r.piHigh());
                    setDouble(p, 11, r.pValue());
                    setDouble(p, 12, r.tau2());
                    setDouble(p, 13, r.i2());
                    p.setString(14, r.method());
                    p.setInt(15, seq++);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO pooled_studies VALUES (?,?,?,?,?,?,?,?,?)")) {
                int seq = 0;
                for (StudyRecord r : studies) {
                    p.setString(1, r.domain());
                    p.setString(2, r.comparison());
                    p.setString(3, r.caseId());
                    p.setString(4, r.region());
                    p.setString(5, r.analysisId());
                    p.setString(6, r.outcomes());
                    setDouble(p, 7, r.estimate());
                    setDouble(p, 8, r.se());
                    p.setInt(9, seq++);
                    p.addBatch();
                }
                p.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("could not store the synthesis in " + file, e);
        } finally {
            autoCommit();
        }
    }

    /**
     * Replaces what a simulation model stored for a case.
     *
     * @param caseId the case
     * @param model the model ({@code lewie}, {@code microsim})
     * @param results its statistics, every one of that case and model
     */
    public synchronized void replaceModelResults(String caseId, String model, List<ModelResultRecord> results) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement d = connection.prepareStatement("DELETE FROM model_results WHERE case_id = ? AND model = ?")) {
                d.setString(1, caseId);
                d.setString(2, model);
                d.executeUpdate();
            }
            try (PreparedStatement p = connection.prepareStatement("INSERT INTO model_results VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                int seq = 0;
                for (ModelResultRecord r : results) {
                    if (!r.caseId().equals(caseId) || !r.model().equals(model)) {
                        throw new IllegalArgumentException("a " + r.model() + " result of " + r.caseId() + " stored as " + model
                                + " of " + caseId);
                    }
                    p.setString(1, r.caseId());
                    p.setString(2, r.model());
                    p.setString(3, r.scenario());
                    p.setString(4, r.statistic());
                    setDouble(p, 5, r.estimate());
                    setDouble(p, 6, r.mean());
                    setDouble(p, 7, r.sd());
                    setDouble(p, 8, r.p5());
                    setDouble(p, 9, r.p95());
                    p.setInt(10, seq++);
                    p.addBatch();
                }
                p.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("could not store the " + model + " results of " + caseId + " in " + file, e);
        } finally {
            autoCommit();
        }
    }

    /**
     * @param caseId a case
     * @return the simulation-model statistics stored for it, in stored order
     */
    public synchronized List<ModelResultRecord> modelResults(String caseId) {
        List<ModelResultRecord> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT case_id, model, scenario, statistic, estimate, mean, sd, p5,"
                + " p95 FROM model_results WHERE case_id = ? ORDER BY model, seq")) {
            p.setString(1, caseId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new ModelResultRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), getDouble(r, 5),
                            getDouble(r, 6), getDouble(r, 7), getDouble(r, 8), getDouble(r, 9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the model results of " + caseId + " from " + file, e);
        }
        return out;
    }

    /** @return the pooled effects, in the order they were stored */
    public synchronized List<PooledRecord> pooled() {
        List<PooledRecord> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT domain, comparison, region, studies, estimate, se, ci_low, ci_high, pi_low,"
                        + " pi_high, p_value, tau2, i2, method FROM pooled ORDER BY seq")) {
            while (r.next()) {
                out.add(new PooledRecord(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), getDouble(r, 5),
                        getDouble(r, 6), getDouble(r, 7), getDouble(r, 8), getDouble(r, 9), getDouble(r, 10), getDouble(r, 11),
                        getDouble(r, 12), getDouble(r, 13), r.getString(14)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the synthesis from " + file, e);
        }
        return out;
    }

    /** @return the cases' standardised effects behind the pooled effects */
    public synchronized List<StudyRecord> pooledStudies() {
        List<StudyRecord> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT domain, comparison, case_id, region, analysis_id, outcomes, estimate, se"
                        + " FROM pooled_studies ORDER BY seq")) {
            while (r.next()) {
                out.add(new StudyRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), getDouble(r, 7), getDouble(r, 8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the synthesis from " + file, e);
        }
        return out;
    }

    /** @return every stored case, in identifier order */
    public synchronized List<CaseRecord> cases() {
        List<CaseRecord> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT * FROM cases ORDER BY case_id")) {
            while (r.next()) {
                out.add(new CaseRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getBoolean(6), r.getString(7), r.getString(8), r.getString(9), r.getLong(10), r.getInt(11),
                        r.getString(12)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the cases from " + file, e);
        }
        return out;
    }

    /**
     * @param caseId a case identifier
     * @return its estimates, in the order they were stored
     */
    public synchronized List<EstimateRecord> estimates(String caseId) {
        List<EstimateRecord> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT case_id, analysis_id, estimator, outcome, domain, term, label, estimate, se, ci_low, ci_high,"
                        + " p_value, q_value, n, truth, scale, term_key FROM estimates WHERE case_id = ? ORDER BY seq")) {
            p.setString(1, caseId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new EstimateRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            term(r.getString(6), r.getString(17)), r.getString(7), getDouble(r, 8), getDouble(r, 9), getDouble(r, 10),
                            getDouble(r, 11), getDouble(r, 12), getDouble(r, 13), r.getInt(14), getDouble(r, 15),
                            getDouble(r, 16)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the estimates of " + caseId + " from " + file, e);
        }
        return out;
    }

    /** The stored term: from its lossless key; a store written before terms had keys gives the name only. */
    private static Term term(String name, String key) {
        return key == null ? Term.named(name) : Term.ofKey(key);
    }

    /**
     * @param caseId a case identifier
     * @return its diagnostics and warnings, in the order they were stored
     */
    public synchronized List<DiagnosticRecord> diagnostics(String caseId) {
        List<DiagnosticRecord> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT case_id, analysis_id, outcome, key, value FROM diagnostics WHERE case_id = ? ORDER BY seq")) {
            p.setString(1, caseId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new DiagnosticRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the diagnostics of " + caseId + " from " + file, e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not close " + file, e);
        }
    }

    private static void setDouble(PreparedStatement p, int index, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(index, v);
        } else {
            p.setNull(index, Types.DOUBLE);
        }
    }

    private static double getDouble(ResultSet r, int index) throws SQLException {
        double v = r.getDouble(index);
        return r.wasNull() ? Double.NaN : v;
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the user needs to see
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset " + file, e);
        }
    }
}
