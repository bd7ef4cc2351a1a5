package org.isosamp.local.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ADQL that must get through, run (or, with geometry, prepared) on H2. */
class AdqlQueriesTest {

    private TestArchive db;

    @BeforeEach
    void open() throws Exception {
        db = new TestArchive();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private static String sql(String adql) throws AdqlException {
        return TestArchive.TRANSLATOR.translate(adql).sql();
    }

    @Test
    void taplintCountOnTapSchema() throws Exception {
        List<List<Object>> r = db.run("SELECT COUNT(*) AS nr FROM TAP_SCHEMA.schemas");
        assertEquals(List.of("nr"), r.get(0));
        assertEquals(List.of(3L), r.get(1));
        assertEquals(List.of("nrow"), db.run("SELECT COUNT(*) AS nrow FROM TAP_SCHEMA.columns").get(0));
    }

    @Test
    void taplintAliasedColumnsWithTableAlias() throws Exception {
        List<List<Object>> r = db.run(
            "SELECT TOP 10 tdt AS taplint_c_1, revno AS taplint_c_2 FROM ida.observations AS t");
        assertEquals(List.of("taplint_c_1", "taplint_c_2"), r.get(0));
        assertEquals(5, r.size());
        assertEquals(List.of("80000101", 800), r.get(1));
    }

    @Test
    void distinctTopNotIn() throws Exception {
        String q = "SELECT DISTINCT TOP 4 dataproduct_type FROM ivoa.obscore "
                   + "WHERE dataproduct_type NOT IN ('image','spectrum')";
        String s = sql(q);
        assertTrue(s.endsWith(" LIMIT 4"), s);
        List<List<Object>> r = db.run(q);
        assertEquals(2, r.size() - 1);   // cube, sed (NULL NOT IN (...) is unknown)
        assertTrue(r.subList(1, r.size()).stream().noneMatch(row -> "image".equals(row.get(0))));
    }

    @Test
    void notBetweenAndIsNull() throws Exception {
        assertEquals(List.of(List.of("obs_id"), List.of("a"), List.of("d"), List.of("e")),
            db.run("SELECT obs_id FROM ivoa.obscore WHERE calib_level NOT BETWEEN 2 AND 2 ORDER BY obs_id"));
        assertEquals(List.of(List.of("obs_id"), List.of("e")),
            db.run("SELECT obs_id FROM ivoa.obscore WHERE dataproduct_type IS NULL"));
        assertEquals(4, db.run("SELECT obs_id FROM ivoa.obscore WHERE dataproduct_type IS NOT NULL").size() - 1);
    }

    @Test
    void isoDocsQueryWithLikeAndNotEquals() throws Exception {
        List<List<Object>> r = db.run("SELECT tdt, revno, aotname, ra, dec  FROM ida.observations "
                                      + "WHERE revno=800 and aotname like 'S%' and target != ''");
        assertEquals(List.of("tdt", "revno", "aotname", "ra", "dec"), r.get(0));
        assertEquals(List.of(List.of("80000101", 800, "SWS01", 0.71, 41.27)), r.subList(1, r.size()));
    }

    @Test
    void topStarExpandsDeclaredColumnsOnly() throws Exception {
        List<List<Object>> r = db.run("select top 10 * from ida.observations");
        assertEquals(List.of("tdt", "revno", "aotname", "ra", "dec", "target", "s_ra", "s_dec",
                             "s_region_fov", "value"), r.get(0));
        assertEquals(4, r.size() - 1);
        assertTrue(!sql("select top 10 * from ida.observations").contains("_rowid"));
    }

    @Test
    void astroqueryTwoSpacesTop() throws Exception {
        String s = sql("select  TOP 2000 tdt, ra from ida.observations");
        assertEquals("SELECT \"ida\".\"observations\".\"tdt\" AS \"tdt\", "
                     + "\"ida\".\"observations\".\"ra\" AS \"ra\" FROM \"ida\".\"observations\" LIMIT 2000", s);
        assertEquals(5, db.run("select  TOP 2000 tdt, ra from ida.observations").size());
    }

    @Test
    void isoDocsConeQueriesPrepareOnH2() throws Exception {
        String obs = sql("SELECT tdt,ra,dec,aotname,target FROM ida.observations WHERE "
            + "INTERSECTS(CIRCLE('ICRS',10.68470833,41.26875,0.08333333333333333),"
            + "ida.observations.s_region_fov)=1");
        assertTrue(obs.contains("adql_intersects(adql_circle('ICRS', 10.68470833, 41.26875, "
            + "0.08333333333333333), \"ida\".\"observations\".\"s_region_fov\")"), obs);
        db.prepare(obs);
        String ssap = sql("SELECT target_name, ra, dec, reference FROM ivoa.ssap WHERE "
            + "INTERSECTS(CIRCLE('ICRS',10.68470833,41.26875,0.08333333333333333),s_region_fov)=1");
        assertTrue(ssap.contains("\"ivoa\".\"ssap\".\"s_region_fov\""), ssap);
        db.prepare(ssap);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT \"size\", column_name FROM TAP_SCHEMA.columns",
        "SELECT c.\"size\", c.key, c.year FROM tap_schema.columns AS c WHERE c.\"size\" IS NOT NULL",
        "SELECT o.tdt, s.obs_id FROM ida.observations AS o JOIN ivoa.obscore AS s ON o.s_ra = s.s_ra",
        "SELECT o.tdt FROM ida.observations o LEFT OUTER JOIN ivoa.obscore s ON o.revno = s.calib_level",
        "SELECT o.tdt FROM ida.observations o RIGHT JOIN ivoa.obscore s ON o.revno = s.calib_level",
        "SELECT o.tdt FROM ida.observations o INNER JOIN ivoa.obscore s USING (s_ra, s_dec)",
        "SELECT s_ra FROM ida.observations NATURAL JOIN ivoa.obscore",
        "SELECT o.tdt FROM ida.observations o CROSS JOIN ivoa.obscore s",
        "SELECT o.tdt, s.obs_id FROM ida.observations o, ivoa.obscore s WHERE o.revno > s.calib_level",
        "SELECT revno, COUNT(*) AS n FROM ida.observations GROUP BY revno HAVING COUNT(*) > 1 ORDER BY 1 DESC",
        "SELECT revno AS r, MAX(value) FROM ida.observations GROUP BY revno ORDER BY r DESC, revno ASC",
        "SELECT tdt || '-' || aotname AS id, LOWER(target), UPPER(aotname) FROM ida.observations",
        "SELECT tdt FROM ida.observations WHERE revno IN (SELECT calib_level + 799 FROM ivoa.obscore)",
        "SELECT tdt FROM ida.observations AS o WHERE EXISTS (SELECT 1 FROM ivoa.obscore s WHERE s.calib_level < o.revno)",
        "SELECT tdt FROM ida.observations WHERE NOT (revno = 800 OR revno = 801)",
        "SELECT x.tdt, x.nr FROM (SELECT tdt, revno * 2 AS nr FROM ida.observations) AS x WHERE x.nr > 1600",
        "SELECT CASE WHEN revno = 800 THEN 'early' ELSE 'late' END AS era, COALESCE(value, 0) FROM ida.observations",
        "SELECT TOP 2 tdt FROM ida.observations ORDER BY tdt OFFSET 1",
        "SELECT tdt FROM ida.observations WHERE target ILIKE 'm%'",
        "SELECT COUNT(DISTINCT revno), SUM(value), AVG(value), MIN(s_ra), MAX(tdt) FROM ida.observations",
        "SELECT ida.observations.tdt, observations.revno FROM ida.observations",
        "SELECT tdt FROM ida.observations WHERE revno = (SELECT MAX(revno) FROM ida.observations)",
        "SELECT \"tdt\" FROM \"ida\".\"observations\" -- a comment\n WHERE /* another */ revno = 800",
        "SELECT o.* , s.obs_id FROM ida.observations AS o, ivoa.obscore AS s",
        "SELECT ABS(-revno), CEILING(s_ra), FLOOR(s_ra), DEGREES(PI()), RADIANS(180), EXP(0), LOG(1), "
            + "LOG10(100), MOD(revno, 7), POWER(2, 3), SQRT(4), RAND(1), ROUND(s_ra, 1), TRUNCATE(s_ra), "
            + "SIN(0), COS(0), TAN(0), ASIN(0), ACOS(1), ATAN(0), ATAN2(0, 1), COT(1) FROM ida.observations",
        "SELECT tdt FROM ida.observations WHERE value BETWEEN -10 AND +20",
        "SELECT 1 + 2 AS three",
    })
    void runsOnH2(String adql) throws Exception {
        List<List<Object>> r = db.run(adql);
        assertTrue(r.size() >= 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT tdt FROM ida.observations WHERE 1 = CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', 10.68, 41.27, 0.5))",
        "SELECT DISTANCE(POINT('ICRS', s_ra, s_dec), POINT('ICRS', 10.68, 41.27)) AS d FROM ida.observations ORDER BY d",
        "SELECT DISTANCE(s_ra, s_dec, 10.68, 41.27) FROM ida.observations",
        "SELECT POINT(s_ra, s_dec), CIRCLE(POINT(s_ra, s_dec), 0.1), BOX('ICRS', 1, 2, 3, 4) FROM ida.observations",
        "SELECT POLYGON('ICRS', POINT(1, 2), POINT(3, 4), POINT(5, 6)), POLYGON('ICRS', 1, 2, 3, 4, 5, 6.5) FROM ida.observations",
        "SELECT COORD1(POINT('ICRS', s_ra, s_dec)), COORD2(CENTROID(s_region_fov)), COORDSYS(s_region_fov), AREA(s_region_fov) FROM ida.observations",
        "SELECT tdt FROM ida.observations WHERE INTERSECTS(s_region_fov, CIRCLE(POINT(10, 41), 1)) = 1 OR revno = 1",
        "SELECT CIRCLE(CENTROID(s_region_fov), 1) FROM ida.observations",
    })
    void geometryPreparesOnH2(String adql) throws Exception {
        String s = sql(adql);
        assertTrue(s.contains("adql_"), s);
        db.prepare(s);
    }

    @Test
    void geometryNormalisation() throws Exception {
        assertTrue(sql("SELECT CIRCLE(POINT(1, 2), 3) FROM ida.observations")
                   .startsWith("SELECT adql_circle('ICRS', 1, 2, 3) AS \"circle\""));
        assertTrue(sql("SELECT POLYGON('FK5', POINT(1, 2), POINT(3, 4), POINT(5, 6)) FROM ida.observations")
                   .startsWith("SELECT adql_polygon('FK5', 1, 2, 3, 4, 5, 6) AS \"polygon\""));
        assertTrue(sql("SELECT CIRCLE(CENTROID(s_region_fov), 1) FROM ida.observations")
                   .contains("adql_coord1(adql_centroid("));
    }

    @Test
    void joinUsingMakesTheColumnUnambiguous() throws Exception {
        List<List<Object>> r = db.run("SELECT s_ra, o.tdt FROM ida.observations o JOIN ivoa.obscore s "
                                      + "USING (s_ra) ORDER BY 2");
        assertEquals(List.of("s_ra", "tdt"), r.get(0));
        assertEquals(1, r.size());   // no s_ra in common in the fixture rows
    }

    @Test
    void orderByAliasKeepsUserCase() throws Exception {
        String s = sql("SELECT revno AS Nr FROM ida.observations ORDER BY nr DESC");
        assertTrue(s.endsWith("AS \"Nr\" FROM \"ida\".\"observations\" ORDER BY \"Nr\" DESC"), s);
        assertEquals(List.of("Nr"), db.run("SELECT revno AS Nr FROM ida.observations ORDER BY nr DESC").get(0));
    }

    @Test
    void groupByOutputAlias() throws Exception {
        List<List<Object>> r = db.run("SELECT revno + 1 AS r, COUNT(*) AS n FROM ida.observations "
                                      + "GROUP BY r ORDER BY r");
        assertEquals(List.of(List.of("r", "n"), List.of(801, 2L), List.of(802, 2L)), r);
    }

    @Test
    void offsetWithoutTop() throws Exception {
        assertEquals(3, db.run("SELECT tdt FROM ida.observations ORDER BY tdt OFFSET 1").size() - 1);
        assertTrue(sql("SELECT TOP 2 tdt FROM ida.observations OFFSET 1").endsWith(" LIMIT 2 OFFSET 1"));
    }

    @Test
    void unqualifiedTableWhenUnique() throws Exception {
        assertEquals(List.of(List.of("schema_name"), List.of("ida")),
                     db.run("SELECT schema_name FROM schemas WHERE schema_index = 0"));
    }

    @Test
    void correlatedSubqueryReferencesOuterAlias() throws Exception {
        List<List<Object>> r = db.run("SELECT o.tdt FROM ida.observations AS o WHERE o.value > "
            + "(SELECT MIN(p.value) FROM ida.observations AS p WHERE p.revno = o.revno) ORDER BY 1");
        assertEquals(List.of(List.of("tdt"), List.of("80000202")), r);
    }
}
