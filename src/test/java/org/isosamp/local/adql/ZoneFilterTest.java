package org.isosamp.local.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.isosamp.local.geom.SkyIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The declination-zone prefilter added for cone constraints. */
class ZoneFilterTest {

    private static String sql(String adql) throws AdqlException {
        return TestArchive.TRANSLATOR.translate(adql).sql();
    }

    private static String zone(String qualifier, double dec, double r) {
        int[] z = SkyIndex.zoneRange(dec, r);
        return "(" + qualifier + ".\"_zone\" BETWEEN " + z[0] + " AND " + z[1] + ")";
    }

    private static final String OBS = "\"ida\".\"observations\"";

    @Test
    void isoDocsIntersectsGetsTheZoneRangeWithReach() throws Exception {
        String s = sql("SELECT tdt,ra,dec,aotname,target FROM ida.observations WHERE "
            + "INTERSECTS(CIRCLE('ICRS',10.68470833,41.26875,0.08333333333333333),"
            + "ida.observations.s_region_fov)=1");
        assertTrue(s.endsWith(" AND " + zone(OBS, 41.26875, 0.08333333333333333 + 0.25)), s);
        assertTrue(s.contains("adql_intersects("), s);   // the exact predicate stays
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1 = INTERSECTS(CIRCLE('ICRS', 10, -30.5, 1), s_region_fov)",
        "INTERSECTS(o.s_region_fov, CIRCLE('ICRS', 10, -30.5, 1)) = 1",
        "INTERSECTS(CIRCLE(POINT('ICRS', 10, -30.5), 1), s_region_fov) = 1",
        "CONTAINS(POINT('ICRS', o.s_ra, s_dec), CIRCLE('ICRS', 10, -30.5, 1)) = 1",
        "revno > 3 AND (1 = CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE(10, -30.5, 1.0)))",
    })
    void recognisedForms(String where) throws Exception {
        String s = sql("SELECT tdt FROM ida.observations AS o WHERE " + where);
        assertTrue(s.endsWith(" AND " + zone("\"o\"", -30.5, 1.25)), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INTERSECTS(CIRCLE('ICRS', 10, 30, 1), s_region_fov) = 1 OR revno = 1",
        "NOT (INTERSECTS(CIRCLE('ICRS', 10, 30, 1), s_region_fov) = 1)",
        "INTERSECTS(CIRCLE('ICRS', 10, 30, 1), s_region_fov) = 0",
        "INTERSECTS(CIRCLE('ICRS', 10, s_dec, 1), s_region_fov) = 1",
        "CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', 10, 30, 1)) = 1",
        "CONTAINS(POINT('ICRS', s_dec, s_ra), CIRCLE('ICRS', 10, 30, 1)) = 1",
        "revno IN (SELECT revno FROM ida.observations AS p "
            + "WHERE INTERSECTS(CIRCLE('ICRS', 10, 30, 1), o.s_region_fov) = 1)",
    })
    void notRecognised(String where) throws Exception {
        String s = sql("SELECT tdt FROM ida.observations AS o WHERE " + where);
        assertFalse(s.contains("_zone"), s);
    }

    @Test
    void tableWithoutReachGetsNoPrefilter() throws Exception {
        AdqlTranslator noReach = new AdqlTranslator(TestArchive.METADATA, Map.of());
        assertFalse(noReach.translate("SELECT tdt FROM ida.observations WHERE "
            + "INTERSECTS(CIRCLE('ICRS', 10, 30, 1), s_region_fov) = 1").sql().contains("_zone"));
    }

    @Test
    void eachTableOfAJoinGetsItsOwnPrefilter() throws Exception {
        String s = sql("SELECT o.tdt, s.obs_id FROM ida.observations o JOIN ivoa.obscore s "
            + "ON o.tdt = s.obs_id WHERE INTERSECTS(CIRCLE('ICRS', 10, 30, 1), o.s_region_fov) = 1 "
            + "AND CONTAINS(POINT('ICRS', s.s_ra, s.s_dec), CIRCLE('ICRS', 20, -10, 0.5)) = 1");
        assertTrue(s.contains(zone("\"o\"", 30, 1.25)), s);
        assertTrue(s.contains(zone("\"s\"", -10, 0.75)), s);
    }

    @Test
    void subquerySelectGetsItsOwnPrefilter() throws Exception {
        String s = sql("SELECT tdt FROM ida.observations WHERE revno IN (SELECT p.revno FROM "
            + "ida.observations AS p WHERE INTERSECTS(CIRCLE('ICRS', 10, 30, 1), p.s_region_fov) = 1)");
        assertTrue(s.contains(zone("\"p\"", 30, 1.25)), s);
    }

    @Test
    void zeroReachStillFilters() throws Exception {
        String s = sql("SELECT target_name FROM ivoa.ssap WHERE "
                       + "INTERSECTS(CIRCLE('ICRS', 10, 89.95, 0.1), s_region_fov) = 1");
        assertTrue(s.endsWith(zone("\"ivoa\".\"ssap\"", 89.95, 0.1)), s);
        assertEquals(SkyIndex.MAX_ZONE, SkyIndex.zoneRange(89.95, 0.1)[1]);
    }

    /** H2 answers the prefilter from the "_zone" B-tree index (EXPLAIN only: no geometry runs). */
    @Test
    void h2UsesTheZoneIndex() throws Exception {
        String s = sql("SELECT tdt FROM ida.observations WHERE "
                       + "INTERSECTS(CIRCLE('ICRS', 10.68, 41.27, 0.1), s_region_fov) = 1");
        try (TestArchive db = new TestArchive()) {
            String plan = String.valueOf(db.query("EXPLAIN " + s).get(1).get(0));
            assertTrue(plan.contains("observations_zone_idx"), plan);
            String noFilter = String.valueOf(db.query("EXPLAIN " + s.substring(0, s.lastIndexOf(" AND ("))).get(1).get(0));
            assertFalse(noFilter.contains("observations_zone_idx"), noFilter);
        }
    }
}
