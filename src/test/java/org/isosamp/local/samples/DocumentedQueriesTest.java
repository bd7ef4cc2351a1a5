package org.isosamp.local.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The documentation's queries, evaluated by brute force on the committed CSVs. */
class DocumentedQueriesTest {

    static final double RA = 10.68470833;
    static final double DEC = 41.26875;
    static final double R = 0.08333333333333333;

    /** The 20 rows the documentation prints (first 10, last 10): tdt, ra [h], dec, aotname, target. */
    static final Object[][] M31_PRINTED = {
        { 43601726, 0.712305333, 41.26917, "C04", "M31" },
        { 43701073, 0.712305333, 41.26916, "C04", "M31" },
        { 43701863, 0.712305333, 41.26917, "C04", "M31" },
        { 58302402, 0.71225, 41.26945, "C01", "M31_LW2" },
        { 58302703, 0.71225, 41.26945, "C01", "M31_LW3" },
        { 40001501, 0.71278, 41.26997, "S01", "M31_BULGE" },
        { 60202005, 0.720306, 41.38386, "L01", "M31N" },
        { 40001621, 0.712304666, 41.26917, "C04", "M31" },
        { 40001622, 0.712304666, 41.26916, "C04", "M31" },
        { 40001717, 0.712305333, 41.26917, "C04", "M31" },
        { 58302603, 0.719229923, 41.047816169, "C//", "Near M31S" },
        { 40402302, 0.713987, 41.281959, "L//", "Near M31" },
        { 60202005, 0.73670327, 41.310155308, "C//", "Near M31N" },
        { 58302305, 0.697341, 41.375848, "L//", "Near M31_LW6" },
        { 58302402, 0.697336, 41.37576, "L//", "Near M31_LW2" },
        { 58302504, 0.697331, 41.375662, "L//", "Near M31_LW1" },
        { 76100601, 0.71225, 41.26944, "C04", "M31_CVF" },
        { 76100504, 0.712055333, 41.29, "C03", "M31 D395" },
        { 76100708, 0.722799457, 41.430336366, "C//", "Near M31_PAH" },
        { 76196300, null, null, "C63", "" },
    };

    static final Object[][] REV800_PRINTED = {
        { 80002247, 800, "S07", 2.428012666, 62.09789 },
        { 80002014, 800, "S02", 0.901055333, 73.08528 },
        { 80002504, 800, "S01", 2.74033, 55.18761 },
        { 80000828, 800, "S02", 21.035861333, 68.15064 },
        { 80000104, 800, "S01", 16.477365333, 41.88163 },
        { 80000938, 800, "S01", 21.691944, 76.37833 },
        { 80002304, 800, "S07", 2.428013333, 62.09789 },
        { 80002450, 800, "S01", 2.550044, 58.03472 },
    };

    static final Object[][] SSAP_PRINTED = {
        { "ISO SWS01 Spectrum Target: M31_BULGE", 10.6917, 41.26997, "WAVE FLUX", "um Jy" },
        { "ISO LWS01 Spectrum Target: M31_BULGE", 10.69170999, 41.26998, "WAVE FLUX", "um W/cm^2/um" },
        { "ISO LWS01 Spectrum Target: M31", 10.684999995, 41.26902, "WAVE FLUX", "um W/cm^2/um" },
        { "ISO LWS01 Spectrum Target: M31N", 10.80459, 41.38386, "WAVE FLUX", "um W/cm^2/um" },
    };

    static final Object[][] SIAP_PRINTED = {
        { "ISO CAM01 Image Target: M31_LW2", 10.68375, 41.26945 },
        { "ISO CAM01 Image Target: M31_LW1", 10.68375, 41.26944 },
        { "ISO CAM01 Image Target: M31_LW6", 10.68375, 41.26945 },
        { "ISO CAM01 Image Target: M31_LW3", 10.68375, 41.26945 },
    };

    static final String URL = "http://nida.esac.esa.int/nida-sl-tap/data?RETRIEVAL_TYPE=STANDALONE&obsno=";

    private static List<Map<String, Object>> cone(String table) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : Samples.table(table)) {
            if (BruteSky.circleIntersects(RA, DEC, R, (String) r.get("s_region_fov"))) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<Object> pick(Map<String, Object> r, String... cols) {
        return Arrays.stream(cols).map(r::get).toList();
    }

    @Test
    void m31ConeOnObservationsGives49RowsWithThePrintedOnes() throws Exception {
        List<Map<String, Object>> hits = cone("ida.observations");
        assertEquals(49, hits.size());
        List<List<Object>> got = hits.stream().map(r -> pick(r, "tdt", "ra", "dec", "aotname", "target")).toList();
        // in table order: the printed head, 29 others, the printed tail
        for (int i = 0; i < 10; i++) {
            assertEquals(Arrays.asList(M31_PRINTED[i]), got.get(i), "row " + i);
            assertEquals(Arrays.asList(M31_PRINTED[10 + i]), got.get(39 + i), "row " + (39 + i));
        }
        for (Map<String, Object> r : hits) {
            String t = (String) r.get("target");
            assertTrue(t.isEmpty() || t.contains("M31"), t);
        }
        // tdt is not unique
        assertEquals(2, got.stream().filter(g -> g.get(0).equals(58302402)).count());
        assertEquals(2, got.stream().filter(g -> g.get(0).equals(60202005)).count());
    }

    @Test
    void nothingElseNearM31() throws Exception {
        // rows outside the cone stay well clear of it (no borderline footprints)
        for (Map<String, Object> r : Samples.table("ida.observations")) {
            String fov = (String) r.get("s_region_fov");
            if (!BruteSky.circleIntersects(RA, DEC, R, fov)) {
                assertTrue(!BruteSky.circleIntersects(RA, DEC, R + 0.005, fov), "borderline: " + r.get("tdt"));
            }
        }
    }

    @Test
    void m31ConeOnSsapGivesThePrintedSpectra() throws Exception {
        List<Map<String, Object>> hits = cone("ivoa.ssap");
        assertEquals(4, hits.size());
        Set<List<Object>> got = hits.stream().map(r -> pick(r, "target_name", "ra", "dec", "axes", "units"))
            .collect(Collectors.toSet());
        Set<List<Object>> want = Arrays.stream(SSAP_PRINTED).map(Arrays::asList).collect(Collectors.toSet());
        assertEquals(want, got);
        Set<String> refs = hits.stream().map(r -> (String) r.get("reference")).collect(Collectors.toSet());
        assertTrue(refs.contains(URL + "400015010"));
        assertTrue(refs.contains(URL + "580020010"));
        for (String ref : refs) {
            assertTrue(ref.matches("http://nida\\.esac\\.esa\\.int/nida-sl-tap/data\\?RETRIEVAL_TYPE=STANDALONE&obsno=\\d{9}"));
        }
        Map<String, Object> bulge = hits.stream().filter(r -> r.get("reference").equals(URL + "400015010"))
            .findFirst().orElseThrow();
        assertEquals("ISO SWS01 Spectrum Target: M31_BULGE", bulge.get("target_name"));
    }

    @Test
    void m31ConeOnSiapGivesThePrintedImages() throws Exception {
        List<Map<String, Object>> hits = cone("ivoa.siap");
        assertEquals(4, hits.size());
        Set<List<Object>> got = hits.stream().map(r -> pick(r, "image_title", "ra", "dec")).collect(Collectors.toSet());
        Set<List<Object>> want = Arrays.stream(SIAP_PRINTED).map(Arrays::asList).collect(Collectors.toSet());
        assertEquals(want, got);
        Map<String, Object> lw2 = hits.stream().filter(r -> r.get("access_url").equals(URL + "583024020"))
            .findFirst().orElseThrow();
        assertEquals("ISO CAM01 Image Target: M31_LW2", lw2.get("image_title"));
    }

    @Test
    void revolution800SwsQueryGivesThePrintedRows() throws Exception {
        List<List<Object>> got = new ArrayList<>();
        List<Map<String, Object>> all = Samples.table("ida.observations");
        for (Map<String, Object> r : all) {
            String aot = (String) r.get("aotname");
            String target = (String) r.get("target");
            if (Objects.equals(r.get("revno"), 800) && aot != null && aot.startsWith("S")
                && target != null && !target.isEmpty()) {
                got.add(pick(r, "tdt", "revno", "aotname", "ra", "dec"));
            }
        }
        assertEquals(Arrays.stream(REV800_PRINTED).map(Arrays::asList).toList(), got);
        // the query has something to exclude: other instruments and an SWS calibration
        List<Map<String, Object>> rev800 = all.stream().filter(r -> r.get("revno").equals(800)).toList();
        assertTrue(rev800.stream().anyMatch(r -> "".equals(r.get("target")) && ((String) r.get("aotname")).startsWith("S")));
        assertTrue(rev800.stream().anyMatch(r -> ((String) r.get("aotname")).startsWith("C")));
        assertTrue(rev800.stream().anyMatch(r -> ((String) r.get("aotname")).startsWith("L")));
        Map<String, Object> cam = rev800.stream().filter(r -> r.get("tdt").equals(80001538)).findFirst().orElseThrow();
        assertEquals("C01", cam.get("aotname"));
        assertEquals("image", cam.get("default_vo_product"));
        assertTrue(rev800.stream().anyMatch(r -> r.get("tdt").equals(80000203)));
    }

    @Test
    void voRowsHaveObscoreRowsAndConsistentUrls() throws Exception {
        Map<String, Map<String, Object>> obscore = Samples.table("ivoa.obscore").stream()
            .collect(Collectors.toMap(r -> (String) r.get("access_url"), r -> r));
        for (Map<String, Object> r : Samples.table("ivoa.ssap")) {
            Map<String, Object> o = obscore.get((String) r.get("reference"));
            assertTrue(o != null, "no obscore row for " + r.get("reference"));
            assertEquals("spectrum", o.get("dataproduct_type"));
            assertEquals(r.get("s_region_fov"), o.get("s_region_fov"));
        }
        for (Map<String, Object> r : Samples.table("ivoa.siap")) {
            Map<String, Object> o = obscore.get((String) r.get("access_url"));
            assertTrue(o != null, "no obscore row for " + r.get("access_url"));
            assertEquals("image", o.get("dataproduct_type"));
        }
        assertTrue(obscore.values().stream().anyMatch(o -> o.get("dataproduct_type").equals("cube")));
        assertTrue(obscore.containsKey(URL + "800015380"));   // 80001538's STANDALONE image
    }

    @Test
    void obsnoIsTdtPlusOneDigitExceptTheDocumentedSpectrum() throws Exception {
        for (Map<String, Object> r : Samples.table("ida.observations")) {
            int tdt = (Integer) r.get("tdt");
            int obsno = (Integer) r.get("obsno");
            assertEquals(String.format("%08d", tdt), r.get("tdt_char"));
            assertEquals(String.format("%09d", obsno), r.get("obsno_char"));
            assertEquals(tdt / 100000, r.get("revno"));
            if (tdt == 58002102 && "L01".equals(r.get("aotname"))) {
                assertEquals(580020010, obsno);
            } else {
                assertEquals(tdt, obsno / 10, "obsno " + obsno);
            }
        }
    }
}
