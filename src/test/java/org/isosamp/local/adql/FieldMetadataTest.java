package org.isosamp.local.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import org.isosamp.local.meta.ColumnDef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FIELDs of translated queries: labels, types, units, UCDs. */
class FieldMetadataTest {

    private static List<ColumnDef> fields(String adql) throws AdqlException {
        return TestArchive.TRANSLATOR.translate(adql).fields();
    }

    private static List<String> names(List<ColumnDef> fields) {
        return fields.stream().map(ColumnDef::name).toList();
    }

    @Test
    void plainColumnsKeepTheirMetadataUnderAnAlias() throws Exception {
        List<ColumnDef> f = fields("SELECT TOP 1 s_ra AS taplint_c_1, s_region_fov, o.dec "
                                   + "FROM ida.observations AS o");
        assertEquals(List.of("taplint_c_1", "s_region_fov", "dec"), names(f));
        ColumnDef ra = f.get(0);
        assertEquals("double", ra.datatype());
        assertEquals("deg", ra.unit());
        assertEquals("pos.eq.ra;meta.main", ra.ucd());
        ColumnDef fov = f.get(1);
        assertEquals("adql:REGION", fov.xtype());
        assertEquals("*", fov.arraysize());
        assertEquals("obscore:Char.SpatialAxis.Coverage.Support.Area", fov.utype());
        assertEquals("pos.eq.dec", f.get(2).ucd());
    }

    @Test
    void starGivesTheDeclaredColumnsInOrder() throws Exception {
        assertEquals(TestArchive.METADATA.table("ida.observations").orElseThrow().columns(),
                     fields("SELECT * FROM ida.observations"));
        assertEquals(List.of("schema_name", "description", "schema_index", "tdt"),
                     names(fields("SELECT s.*, o.tdt FROM TAP_SCHEMA.schemas s, ivoa.observations o")));
    }

    @Test
    void computedColumns() throws Exception {
        List<ColumnDef> f = fields("SELECT COUNT(*) AS nr, SUM(value), AVG(s_ra), MAX(s_dec), "
            + "s_ra * 2, revno / 2, tdt || 'x', LOWER(target), "
            + "CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', 1, 2, 3)), "
            + "DISTANCE(POINT('ICRS', s_ra, s_dec), POINT('ICRS', 1, 2)), AREA(s_region_fov), "
            + "COORD1(CENTROID(s_region_fov)), POINT('ICRS', 1, 2), CIRCLE('ICRS', 1, 2, 3) "
            + "FROM ida.observations");
        assertEquals(List.of("nr", "sum", "avg", "max", "col5", "col6", "col7", "lower", "contains",
                             "distance", "area", "coord1", "point", "circle"), names(f));
        assertEquals(List.of("long", "long", "double", "double", "double", "int", "char", "char",
                             "int", "double", "double", "double", "char", "char"),
                     f.stream().map(ColumnDef::datatype).toList());
        assertEquals("s", f.get(1).unit());                 // SUM keeps the unit
        assertEquals("deg", f.get(2).unit());               // AVG keeps the unit
        assertEquals("pos.eq.dec;meta.main", f.get(3).ucd()); // MAX keeps the column's metadata
        assertNull(f.get(4).unit());
        assertEquals("*", f.get(6).arraysize());
        assertEquals("deg", f.get(9).unit());
        assertEquals("deg**2", f.get(10).unit());
        assertEquals("deg", f.get(11).unit());
        assertEquals("adql:POINT", f.get(12).xtype());
        assertEquals("adql:REGION", f.get(13).xtype());
    }

    @Test
    void subqueryFieldsComeFromTheOuterSelect() throws Exception {
        List<ColumnDef> f = fields("SELECT x.n AS total, x.s_ra FROM "
            + "(SELECT COUNT(*) AS n, s_ra FROM ida.observations GROUP BY s_ra) AS x");
        assertEquals(List.of("total", "s_ra"), names(f));
        assertEquals("long", f.get(0).datatype());
        assertEquals("pos.eq.ra;meta.main", f.get(1).ucd());
        assertEquals(List.of("tdt"), names(fields(
            "SELECT tdt FROM ida.observations WHERE revno IN (SELECT calib_level FROM ivoa.obscore)")));
    }

    @Test
    void delimitedAliasesAndReservedWords() throws Exception {
        assertEquals(List.of("My Label", "size", "value"),
            names(fields("SELECT c.table_name AS \"My Label\", c.\"size\", o.value "
                         + "FROM TAP_SCHEMA.columns AS c, ida.observations AS o")));
    }

    /** H2's JDBC labels and types agree with the FIELDs, which the VOTable writer relies on. */
    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT COUNT(*) AS nr, SUM(value), AVG(value), SUM(s_ra), MIN(revno), MAX(tdt) "
            + "FROM ida.observations",
        "SELECT revno / 2, 7 / 2.0, MOD(7.5, 2), MOD(revno, 3), ROUND(s_ra, 1), TRUNCATE(revno), "
            + "tdt, s_ra, revno + 1, -value, LOWER(tdt), COALESCE(value, 0), "
            + "CASE WHEN revno > 800 THEN 1.5 ELSE 2 END, s_ra + revno FROM ida.observations",
    })
    void jdbcTypesAgreeWithFields(String adql) throws Exception {
        Translation t = TestArchive.TRANSLATOR.translate(adql);
        try (TestArchive db = new TestArchive(); Statement s = db.conn.createStatement();
             ResultSet rs = s.executeQuery(t.sql())) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(t.fields().size(), md.getColumnCount());
            for (int i = 0; i < t.fields().size(); i++) {
                ColumnDef f = t.fields().get(i);
                assertEquals(f.name(), md.getColumnLabel(i + 1));
                assertEquals(f.sqlType(), md.getColumnTypeName(i + 1)
                             .replace("CHARACTER VARYING", "VARCHAR"), f.name());
            }
        }
    }
}
