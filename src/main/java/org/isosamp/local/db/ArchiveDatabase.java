package org.isosamp.local.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.isosamp.local.geom.AdqlGeometry;
import org.isosamp.local.geom.SkyIndex;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.SpatialDef;
import org.isosamp.local.meta.TableDef;

/**
 * The local archive's embedded H2 database: one in-memory database per
 * instance, built from the metadata model, with TAP_SCHEMA filled from the
 * same model.
 *
 * <p>Lifecycle: {@link #create}, then any number of {@link #insert} calls, then
 * {@link #seal()}; after sealing, queries run on
 * pooled connections of a user that may only SELECT. Loading is
 * single-threaded; {@link #queryConnection()} is thread-safe.
 */
public final class ArchiveDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArchiveDatabase.class.getName());
    private static final int BATCH = 2000;
    private static final String ROWID = "\"_rowid\"";

    private final String url;
    private final String queryUrl;
    private final String queryPassword = UUID.randomUUID().toString();
    private final Connection admin;
    private final ArchiveMetadata metadata;
    private final Map<String, Inserter> inserters = new HashMap<>();
    private final Set<String> indexed = new LinkedHashSet<>();
    private JdbcConnectionPool pool;

    private ArchiveDatabase(ArchiveMetadata userMetadata) throws SQLException {
        this.metadata = TapSchema.withTapSchema(userMetadata);
        // the admin connection stays open for the database's lifetime, which keeps it alive;
        // query connections must not repeat database settings (that needs admin rights)
        this.queryUrl = "jdbc:h2:mem:ida-" + UUID.randomUUID();
        this.url = queryUrl + ";DATABASE_TO_LOWER=TRUE";
        this.admin = DriverManager.getConnection(url, "sa", "");
    }

    /**
     * Creates the schemas and (empty) tables of {@code userMetadata} plus TAP_SCHEMA,
     * and registers the ADQL geometry functions.
     */
    public static ArchiveDatabase create(ArchiveMetadata userMetadata) throws SQLException {
        ArchiveDatabase db = new ArchiveDatabase(userMetadata);
        try {
            db.createTables();
            return db;
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** @return the full metadata model, TAP_SCHEMA included. */
    public ArchiveMetadata metadata() {
        return metadata;
    }

    /**
     * @return the tables (lower-case qualified names) that have a spatial cell index
     *         (see {@link SkyIndex} and {@link TableDef#cellIndexSqlName()})
     */
    public Set<String> indexedTables() {
        return Set.copyOf(indexed);
    }

    private void createTables() throws SQLException {
        try (Statement st = admin.createStatement()) {
            for (ArchiveMetadata.SchemaDef s : metadata.schemas()) {
                st.execute("CREATE SCHEMA " + quote(s.name()));
            }
            st.execute("CREATE SCHEMA " + quote(TableDef.INDEX_SCHEMA));
            for (TableDef t : metadata.tables()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(t.sqlName()).append(" (");
                for (ColumnDef c : t.columns()) {
                    ddl.append(quote(c.name())).append(' ').append(c.sqlType()).append(", ");
                }
                if (t.spatial() != null) {
                    ddl.append(ROWID).append(" BIGINT PRIMARY KEY, ");
                }
                ddl.setLength(ddl.length() - 2);
                st.execute(ddl.append(')').toString());
                if (t.spatial() != null) {
                    st.execute("CREATE TABLE " + t.cellIndexSqlName() + " (\"cell\" BIGINT NOT NULL,"
                               + " \"row_id\" BIGINT NOT NULL)");
                    indexed.add(t.name());
                }
            }
        }
        AdqlGeometry.register(admin);
    }

    /**
     * Adds one row (values in declared column order, Java types as
     * {@link ColumnDef#javaClass()}). Rows are batched: call {@link #flush()} or {@link #seal()}.
     */
    public void insert(String table, Object[] values) throws SQLException {
        Inserter ins = inserters.get(table);
        if (ins == null) {
            TableDef t = metadata.table(table).orElseThrow(
                () -> new IllegalArgumentException("unknown table \"" + table + "\""));
            ins = new Inserter(t);
            inserters.put(table, ins);
        }
        ins.add(values);
    }

    /** Sends all batched rows. */
    public void flush() throws SQLException {
        for (Inserter ins : inserters.values()) {
            ins.flush();
        }
    }

    /**
     * Finishes loading: fills TAP_SCHEMA, creates the read-only query user and its pool.
     */
    public void seal() throws SQLException {
        flush();
        try {
            TapSchema.rows(metadata, this::insert);
        } catch (SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("TAP_SCHEMA generation failed", e);
        }
        flush();
        for (Inserter ins : inserters.values()) {
            ins.close();
        }
        inserters.clear();
        try (Statement st = admin.createStatement()) {
            for (String name : indexed) {
                TableDef t = metadata.table(name).orElseThrow();
                // built after loading: one sort instead of millions of B-tree inserts
                st.execute("CREATE INDEX " + quote(t.schema() + "__" + t.simpleName() + "_cells") + " ON "
                           + t.cellIndexSqlName() + " (\"cell\", \"row_id\")");
            }
            st.execute("ANALYZE");
            st.execute("CREATE USER tap PASSWORD '" + queryPassword + "'");
            for (ArchiveMetadata.SchemaDef s : metadata.schemas()) {
                st.execute("GRANT SELECT ON SCHEMA " + quote(s.name()) + " TO tap");
            }
            st.execute("GRANT SELECT ON SCHEMA " + quote(TableDef.INDEX_SCHEMA) + " TO tap");
        }
        pool = JdbcConnectionPool.create(queryUrl, "tap", queryPassword);
        pool.setMaxConnections(64);
        LOG.fine(() -> "database sealed; cell-indexed tables " + indexed);
    }

    /**
     * @return a pooled connection of the SELECT-only query user; close it after use
     * @throws IllegalStateException before {@link #seal()}
     */
    public Connection queryConnection() throws SQLException {
        if (pool == null) {
            throw new IllegalStateException("database not sealed yet");
        }
        return pool.getConnection();
    }

    /** @return the number of rows of a table (for logs and tests). */
    public long count(String table) throws SQLException {
        TableDef t = metadata.table(table).orElseThrow(
            () -> new IllegalArgumentException("unknown table \"" + table + "\""));
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t.sqlName())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The statements the query user's sessions are executing now, as H2 itself reports them
     * ({@code INFORMATION_SCHEMA.SESSIONS}): an outside view, for tests and diagnostics, of whether a
     * cancelled query has really stopped. A statement whose rows are all computed and only being read is
     * no longer executing.
     *
     * @return the SQL of each executing statement; empty when none runs
     */
    public List<String> executingStatements() throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = admin.prepareStatement("SELECT EXECUTING_STATEMENT"
                 + " FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT IS NOT NULL"
                 + " AND SESSION_ID <> SESSION_ID()");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.dispose();
        }
        try (Statement st = admin.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.fine("shutdown: " + e);
        }
        try {
            admin.close();
        } catch (SQLException e) {
            LOG.fine("close: " + e);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Batched inserts into one table, listing spatial rows in its cell index. */
    private final class Inserter {
        private final TableDef table;
        private final PreparedStatement ps;
        private final PreparedStatement cells;
        private long nextRowId = 1;
        private final int region;
        private final int ra;
        private final int dec;
        private int pending;

        Inserter(TableDef table) throws SQLException {
            this.table = table;
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table.sqlName()).append(" (");
            StringBuilder marks = new StringBuilder();
            for (ColumnDef c : table.columns()) {
                sql.append(quote(c.name())).append(',');
                marks.append("?,");
            }
            SpatialDef sp = table.spatial();
            if (sp != null) {
                sql.append(ROWID).append(',');
                marks.append("?,");
            }
            sql.setLength(sql.length() - 1);
            marks.setLength(marks.length() - 1);
            this.ps = admin.prepareStatement(sql + ") VALUES (" + marks + ")");
            this.cells = sp == null ? null : admin.prepareStatement(
                "INSERT INTO " + table.cellIndexSqlName() + " (\"cell\", \"row_id\") VALUES (?, ?)");
            this.region = sp == null ? -1 : index(sp.regionColumn());
            this.ra = sp == null ? -1 : index(sp.raColumn());
            this.dec = sp == null ? -1 : index(sp.decColumn());
        }

        private int index(String column) {
            if (column == null) {
                return -1;
            }
            List<ColumnDef> cols = table.columns();
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).name().equalsIgnoreCase(column)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("table " + table.name()
                + ": spatial column \"" + column + "\" is not declared");
        }

        void add(Object[] values) throws SQLException {
            List<ColumnDef> cols = table.columns();
            if (values.length != cols.size()) {
                throw new IllegalArgumentException("table " + table.name() + " has " + cols.size()
                    + " columns, row has " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            if (table.spatial() != null) {
                long rowId = nextRowId++;
                ps.setLong(values.length + 1, rowId);
                for (long cell : rowCells(values)) {
                    cells.setLong(1, cell);
                    cells.setLong(2, rowId);
                    cells.addBatch();
                }
            }
            ps.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        }

        /**
         * The cells of this row's cap: its footprint's bounding cap, widened to hold its
         * position too; a bare position without footprint is a cap of radius 0.
         */
        private long[] rowCells(Object[] v) {
            Double pRa = ra < 0 ? null : number(v[ra]);
            Double pDec = dec < 0 ? null : number(v[dec]);
            String reg = region < 0 ? null : (String) v[region];
            if (reg != null && !reg.isBlank()) {
                double[] cap;
                try {
                    cap = AdqlGeometry.boundingCap(reg);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("table " + table.name() + ": bad footprint: "
                                                       + e.getMessage(), e);
                }
                double r = cap[2];
                if (pRa != null && pDec != null) {
                    r = Math.max(r, AdqlGeometry.angularDistanceDeg(cap[0], cap[1], pRa, pDec));
                }
                return SkyIndex.rowCells(cap[0], cap[1], r);
            } else if (pRa != null && pDec != null) {
                return SkyIndex.rowCells(pRa, pDec, 0);
            }
            return new long[0];
        }

        private Double number(Object o) {
            return o instanceof Number n ? n.doubleValue() : null;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                if (cells != null) {
                    cells.executeBatch();
                }
                pending = 0;
            }
        }

        void close() throws SQLException {
            ps.close();
            if (cells != null) {
                cells.close();
            }
        }
    }
}
