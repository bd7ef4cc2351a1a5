package org.isosamp.local.adql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ArchiveMetadata.SchemaDef;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.SpatialDef;
import org.isosamp.local.meta.TableDef;

/**
 * A small copy of the local archive for tests: metadata shaped like the real
 * one (ida.observations, ivoa.obscore, ivoa.ssap, TAP_SCHEMA) and an H2
 * database built from it the way the archive builds its own (quoted
 * lower-case names, hidden "_rowid" key and "_idx" cell-index table on
 * spatial tables, the adql_* geometry aliases).
 */
final class TestArchive implements AutoCloseable {

    static final Set<String> INDEXED = Set.of("ida.observations", "ivoa.obscore", "ivoa.ssap");

    static ColumnDef col(String name, String type, String unit, String ucd) {
        return new ColumnDef(name, type, null, null, unit, ucd, null, name + " description",
                             true, false, false);
    }

    static final ArchiveMetadata METADATA = new ArchiveMetadata(
        List.of(new SchemaDef("ida", "ISO data archive"), new SchemaDef("ivoa", "IVOA"),
                new SchemaDef("tap_schema", "TAP schema")),
        List.of(
            new TableDef("ida", "ida.observations", "table", "ISO observations", null, List.of(
                col("tdt", "char", null, "meta.id;obs"),
                col("revno", "int", null, "meta.number"),
                col("aotname", "char", null, "instr.setup"),
                col("ra", "double", "h", "pos.eq.ra"),
                col("dec", "double", "deg", "pos.eq.dec"),
                col("target", "char", null, "meta.id;src"),
                col("s_ra", "double", "deg", "pos.eq.ra;meta.main"),
                col("s_dec", "double", "deg", "pos.eq.dec;meta.main"),
                new ColumnDef("s_region_fov", "char", "*", "adql:REGION", null, "pos.outline;obs.field",
                              "obscore:Char.SpatialAxis.Coverage.Support.Area", "footprint",
                              false, false, false),
                col("value", "int", "s", "time.duration")),
                new SpatialDef("s_region_fov", "s_ra", "s_dec")),
            new TableDef("ivoa", "ivoa.obscore", "table", "ObsCore", null, List.of(
                col("obs_id", "char", null, "meta.id"),
                col("dataproduct_type", "char", null, "meta.code.class"),
                col("calib_level", "int", null, "meta.code;obs.calib"),
                col("s_ra", "double", "deg", "pos.eq.ra"),
                col("s_dec", "double", "deg", "pos.eq.dec"),
                col("s_region", "char", null, "pos.outline")),
                new SpatialDef("s_region", "s_ra", "s_dec")),
            new TableDef("ivoa", "ivoa.ssap", "table", "SSAP", null, List.of(
                col("target_name", "char", null, "meta.id;src"),
                col("ra", "double", "deg", "pos.eq.ra"),
                col("dec", "double", "deg", "pos.eq.dec"),
                col("reference", "char", null, "meta.ref.url"),
                col("s_region_fov", "char", null, "pos.outline")),
                new SpatialDef("s_region_fov", "ra", "dec")),
            new TableDef("ivoa", "ivoa.observations", "table", "name clash for tests", null, List.of(
                col("tdt", "char", null, null)), null),
            new TableDef("tap_schema", "tap_schema.schemas", "table", "", null, List.of(
                col("schema_name", "char", null, null), col("description", "char", null, null),
                col("schema_index", "int", null, null)), null),
            new TableDef("tap_schema", "tap_schema.tables", "table", "", null, List.of(
                col("schema_name", "char", null, null), col("table_name", "char", null, null),
                col("table_type", "char", null, null), col("table_index", "int", null, null)), null),
            new TableDef("tap_schema", "tap_schema.columns", "table", "", null, List.of(
                col("table_name", "char", null, null), col("column_name", "char", null, null),
                col("datatype", "char", null, null), col("size", "int", null, null),
                col("key", "char", null, null), col("year", "int", null, null)), null)),
        List.of());

    static final AdqlTranslator TRANSLATOR = new AdqlTranslator(METADATA, INDEXED);

    final Connection conn;

    TestArchive() throws SQLException {
        conn = DriverManager.getConnection(
            "jdbc:h2:mem:adql" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE");
        try (Statement s = conn.createStatement()) {
            for (SchemaDef sd : METADATA.schemas()) {
                s.execute("CREATE SCHEMA \"" + sd.name() + "\"");
            }
            s.execute("CREATE SCHEMA \"" + TableDef.INDEX_SCHEMA + "\"");
            for (TableDef t : METADATA.tables()) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE " + t.sqlName() + " (");
                for (ColumnDef c : t.columns()) {
                    ddl.append('"').append(c.name()).append("\" ").append(c.sqlType()).append(", ");
                }
                if (t.spatial() != null) {
                    ddl.append("\"_rowid\" BIGINT PRIMARY KEY, ");
                }
                ddl.setLength(ddl.length() - 2);
                s.execute(ddl.append(')').toString());
                if (t.spatial() != null) {
                    s.execute("CREATE TABLE " + t.cellIndexSqlName() + " (\"cell\" BIGINT, \"row_id\" BIGINT)");
                    s.execute("CREATE INDEX \"" + t.simpleName() + "_cells_idx\" ON " + t.cellIndexSqlName()
                              + " (\"cell\", \"row_id\")");
                }
            }
            for (String[] g : new String[][] {
                    {"point", "point"}, {"circle", "circle"}, {"box", "box"}, {"polygon", "polygon"},
                    {"contains", "contains"}, {"intersects", "intersects"},
                    {"distance", "distance"}, {"coord1", "coord1"}, {"coord2", "coord2"},
                    {"coordsys", "coordsys"}, {"area", "area"}, {"centroid", "centroid"}}) {
                s.execute("CREATE ALIAS adql_" + g[0] + " FOR \"org.isosamp.local.geom.AdqlGeometry."
                          + g[1] + "\"");
            }
            s.execute("INSERT INTO \"ida\".\"observations\" VALUES "
                + "('80000101', 800, 'SWS01', 0.71, 41.27, 'M31', 10.68, 41.27, 'Circle ICRS 10.68 41.27 0.1', 10, 1),"
                + "('80000202', 800, 'LWS01', 5.5, -5.39, 'ORION', 83.82, -5.39, 'Circle ICRS 83.82 -5.39 0.1', 20, 2),"
                + "('80100303', 801, 'SWS06', 12.5, 12.39, 'M87', 187.7, 12.39, 'Circle ICRS 187.7 12.39 0.1', 30, 3),"
                + "('80100404', 801, 'CAM01', 12.5, 12.39, '', 187.7, 12.39, 'Circle ICRS 187.7 12.39 0.1', NULL, 4)");
            s.execute("INSERT INTO \"ivoa\".\"obscore\" VALUES "
                + "('a', 'image', 1, 10.0, 41.0, 'x', 1), ('b', 'spectrum', 2, 10.0, 41.0, 'x', 2),"
                + "('c', 'cube', 2, 10.0, 41.0, 'x', 3), ('d', 'sed', 3, 10.0, 41.0, 'x', 4),"
                + "('e', NULL, 0, 10.0, 41.0, 'x', 5)");
            s.execute("INSERT INTO \"tap_schema\".\"schemas\" VALUES ('ida', 'd', 0), ('ivoa', 'd', 1),"
                + " ('tap_schema', 'd', 2)");
            s.execute("INSERT INTO \"tap_schema\".\"columns\" VALUES ('ida.observations', 'tdt', 'char', 8, 'k', 1995),"
                + " ('ida.observations', 'revno', 'int', NULL, NULL, 1996)");
        }
    }

    /** Translates and runs {@code adql}, returning labels in row 0, then the values. */
    List<List<Object>> run(String adql) throws Exception {
        return query(TRANSLATOR.translate(adql).sql());
    }

    List<List<Object>> query(String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<Object> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            out.add(labels);
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    /** Lets H2 parse and resolve {@code sql} without running it. */
    void prepare(String sql) throws SQLException {
        conn.prepareStatement(sql).close();
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
