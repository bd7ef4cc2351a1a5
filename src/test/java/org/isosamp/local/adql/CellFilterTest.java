package org.isosamp.local.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.isosamp.local.geom.SkyIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The S2 cell-index prefilter added for cone constraints. */
class CellFilterTest {

    private static String sql(String adql) throws AdqlException {
        return TestArchive.TRANSLATOR.translate(adql).sql();
    }

    /** The prefilter expected for a cone on a table, written out independently of CellFilter. */
    private static String cells(String qualifier, String index, double ra, double dec, double r) {
        StringBuilder b = new StringBuilder("(" + qualifier + ".\"_rowid\" IN (SELECT \"row_id\" FROM "
                                            + index + " WHERE \"cell\" IN (");
        long[] c = SkyIndex.queryCells(ra, dec, r);
        for (int i = 0; i < c.length; i++) {
            b.append(i == 0 ? "" : ", ").append(c[i]);
        }
        return b.append(")))").toString();
    }

    private static final String OBS_IDX = "\"_idx\".\"ida__observations\"";

    private static final String OBS = "\"ida\".\"observations\"";

    @Test
    void isoDocsIntersectsGetsTheCellsOfItsCone() throws Exception {
        String s = sql("SELECT tdt,ra,dec,aotname,target FROM ida.observations WHERE "
            + "INTERSECTS(CIRCLE('ICRS',10.68470833,41.26875,0.08333333333333333),"
            + "ida.observations.s_region_fov)=1");
        assertTrue(s.endsWith(" AND " + cells(OBS, OBS_IDX, 10.68470833, 41.26875, 0.08333333333333333)), s);
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
        assertTrue(s.endsWith(" AND " + cells("\"o\"", OBS_IDX, 10, -30.5, 1)), s);
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
        assertFalse(s.contains("_rowid"), s);
    }

    @Test
    void tableWithoutIndexGetsNoPrefilter() throws Exception {
        AdqlTranslator unindexed = new AdqlTranslator(TestArchive.METADATA, Set.of());
        assertFalse(unindexed.translate("SELECT tdt FROM ida.observations WHERE "
            + "INTERSECTS(CIRCLE('ICRS', 10, 30, 1), s_region_fov) = 1").sql().contains("_rowid"));
    }

    @Test
    void hugeOrInvalidConesGetNoPrefilter() throws Exception {
        assertFalse(sql("SELECT tdt FROM ida.observations WHERE "
            + "INTERSECTS(CIRCLE('ICRS', 10, 30, 40), s_region_fov) = 1").contains("_rowid"));
        assertFalse(sql("SELECT tdt FROM ida.observations WHERE "
            + "INTERSECTS(CIRCLE('ICRS', 10, 95, 1), s_region_fov) = 1").contains("_rowid"));
    }

    @Test
    void eachTableOfAJoinGetsItsOwnPrefilter() throws Exception {
        String s = sql("SELECT o.tdt, s.obs_id FROM ida.observations o JOIN ivoa.obscore s "
            + "ON o.tdt = s.obs_id WHERE INTERSECTS(CIRCLE('ICRS', 10, 30, 1), o.s_region_fov) = 1 "
            + "AND CONTAINS(POINT('ICRS', s.s_ra, s.s_dec), CIRCLE('ICRS', 20, -10, 0.5)) = 1");
        assertTrue(s.contains(cells("\"o\"", OBS_IDX, 10, 30, 1)), s);
        assertTrue(s.contains(cells("\"s\"", "\"_idx\".\"ivoa__obscore\"", 20, -10, 0.5)), s);
    }

    @Test
    void subquerySelectGetsItsOwnPrefilter() throws Exception {
        String s = sql("SELECT tdt FROM ida.observations WHERE revno IN (SELECT p.revno FROM "
            + "ida.observations AS p WHERE INTERSECTS(CIRCLE('ICRS', 10, 30, 1), p.s_region_fov) = 1)");
        assertTrue(s.contains(cells("\"p\"", OBS_IDX, 10, 30, 1)), s);
    }

    @Test
    void polarAndWrappedConesFilterToo() throws Exception {
        String s = sql("SELECT target_name FROM ivoa.ssap WHERE "
                       + "INTERSECTS(CIRCLE('ICRS', 10, 89.95, 0.1), s_region_fov) = 1");
        assertTrue(s.endsWith(cells("\"ivoa\".\"ssap\"", "\"_idx\".\"ivoa__ssap\"", 10, 89.95, 0.1)), s);
        String w = sql("SELECT target_name FROM ivoa.ssap WHERE "
                       + "INTERSECTS(CIRCLE('ICRS', -0.05, 3, 0.1), s_region_fov) = 1");
        assertTrue(w.endsWith(cells("\"ivoa\".\"ssap\"", "\"_idx\".\"ivoa__ssap\"", 359.95, 3, 0.1)), w);
    }

    /** H2 answers the prefilter from the cell index and the primary key. */
    @Test
    void h2UsesTheCellIndex() throws Exception {
        String s = sql("SELECT tdt FROM ida.observations WHERE "
                       + "INTERSECTS(CIRCLE('ICRS', 10.68, 41.27, 0.1), s_region_fov) = 1");
        try (TestArchive db = new TestArchive()) {
            String plan = String.valueOf(db.query("EXPLAIN " + s).get(1).get(0));
            assertTrue(plan.contains("observations_cells_idx"), plan);
            assertTrue(plan.contains("PRIMARY_KEY"), plan);
            String noFilter = String.valueOf(db.query("EXPLAIN " + s.substring(0, s.lastIndexOf(" AND ("))).get(1).get(0));
            assertFalse(noFilter.contains("observations_cells_idx"), noFilter);
        }
    }
}
