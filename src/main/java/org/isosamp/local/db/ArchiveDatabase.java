package org.isosamp.local.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final String ZONE = "\"_zone\"";

    private final String url;
    private final String queryUrl;
    private final String queryPassword = UUID.randomUUID().toString();
    private final Connection admin;
    private final ArchiveMetadata metadata;
    private final Map<String, Inserter> inserters = new HashMap<>();
    private final Map<String, Double> reach = new LinkedHashMap<>();
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
     * @return per spatial table (lower-case qualified name), the largest angle in degrees
     *         from any row's zone anchor to its footprint or position (see {@link SkyIndex})
     */
    public Map<String, Double> spatialReach() {
        return Map.copyOf(reach);
    }

    private void createTables() throws SQLException {
        try (Statement st = admin.createStatement()) {
            for (ArchiveMetadata.SchemaDef s : metadata.schemas()) {
                st.execute("CREATE SCHEMA " + quote(s.name()));
            }
            for (TableDef t : metadata.tables()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(t.sqlName()).append(" (");
                for (ColumnDef c : t.columns()) {
                    ddl.append(quote(c.name())).append(' ').append(c.sqlType()).append(", ");
                }
                if (t.spatial() != null) {
                    ddl.append(ZONE).append(" INTEGER, ");
                }
                ddl.setLength(ddl.length() - 2);
                st.execute(ddl.append(')').toString());
                if (t.spatial() != null) {
                    st.execute("CREATE INDEX " + quote("idx_" + t.schema() + "_" + t.simpleName() + "_zone")
                               + " ON " + t.sqlName() + " (" + ZONE + ")");
                    reach.put(t.name(), 0.0);
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
            st.execute("ANALYZE");
            st.execute("CREATE USER tap PASSWORD '" + queryPassword + "'");
            for (ArchiveMetadata.SchemaDef s : metadata.schemas()) {
                st.execute("GRANT SELECT ON SCHEMA " + quote(s.name()) + " TO tap");
            }
        }
        pool = JdbcConnectionPool.create(queryUrl, "tap", queryPassword);
        pool.setMaxConnections(64);
        LOG.fine(() -> "database sealed; spatial reach " + reach);
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

    /** Batched inserts into one table, computing the zone anchor of spatial rows. */
    private final class Inserter {
        private final TableDef table;
        private final PreparedStatement ps;
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
                sql.append(ZONE).append(',');
                marks.append("?,");
            }
            sql.setLength(sql.length() - 1);
            marks.setLength(marks.length() - 1);
            this.ps = admin.prepareStatement(sql + ") VALUES (" + marks + ")");
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
                Integer zone = anchorZone(values);
                if (zone == null) {
                    ps.setNull(values.length + 1, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(values.length + 1, zone);
                }
            }
            ps.addBatch();
            if (++pending >= BATCH) {
                flush();
            }
        }

        /** Zone of this row's anchor; widens the table's reach to cover the row. */
        private Integer anchorZone(Object[] v) {
            Double pRa = ra < 0 ? null : number(v[ra]);
            Double pDec = dec < 0 ? null : number(v[dec]);
            String reg = region < 0 ? null : (String) v[region];
            double anchorRa;
            double anchorDec;
            double r = 0;
            if (reg != null && !reg.isBlank()) {
                double[] cap;
                try {
                    cap = AdqlGeometry.boundingCap(reg);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("table " + table.name() + ": bad footprint: "
                                                       + e.getMessage(), e);
                }
                anchorRa = cap[0];
                anchorDec = cap[1];
                r = cap[2];
                if (pRa != null && pDec != null) {
                    r = Math.max(r, AdqlGeometry.angularDistanceDeg(anchorRa, anchorDec, pRa, pDec));
                }
            } else if (pRa != null && pDec != null) {
                anchorRa = pRa;
                anchorDec = pDec;
            } else {
                return null;
            }
            double widened = r;
            reach.merge(table.name(), widened, Math::max);
            return SkyIndex.zone(anchorDec);
        }

        private Double number(Object o) {
            return o instanceof Number n ? n.doubleValue() : null;
        }

        void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                pending = 0;
            }
        }

        void close() throws SQLException {
            ps.close();
        }
    }
}
