package org.isosamp.local.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.TableDef;
import org.junit.jupiter.api.Test;

class SyntheticArchiveTest {

    /** Digest of every row, to compare runs. */
    private static String digest(ArchiveMetadata meta, long n, long seed) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        SyntheticArchive.generate(meta, n, seed, (t, v) -> {
            md.update(t.getBytes());
            md.update(Arrays.deepToString(v).getBytes());
        });
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    @Test
    void deterministicPerSeed() throws Exception {
        ArchiveMetadata meta = Samples.meta();
        assertEquals(digest(meta, 5000, 42), digest(meta, 5000, 42));
        assertNotEquals(digest(meta, 5000, 42), digest(meta, 5000, 43));
    }

    @Test
    void everyDeclaredColumnHasAValueSource() throws Exception {
        for (String t : ObsColumns.TABLES) {
            assertEquals(List.of(), ObsColumns.unmapped(Samples.meta().table(t).orElseThrow()), t);
        }
    }

    @Test
    void rowsAtScaleAreWellFormed() throws Exception {
        ArchiveMetadata meta = Samples.meta();
        int n = 100_000;
        Map<String, TableDef> tables = new HashMap<>();
        for (String t : ObsColumns.TABLES) {
            tables.put(t, meta.table(t).orElseThrow());
        }
        TableDef obs = tables.get("ida.observations");
        int iTdt = index(obs, "tdt"), iRev = index(obs, "revno"), iAot = index(obs, "aotname");
        int iRa = index(obs, "ra_deg"), iRaH = index(obs, "ra"), iDec = index(obs, "dec");
        int iFov = index(obs, "s_region_fov"), iReg = index(obs, "s_region"), iComment = index(obs, "comment");
        Set<Integer> sampleTdts = new HashSet<>();
        for (Map<String, Object> r : Samples.table("ida.observations")) {
            sampleTdts.add((Integer) r.get("tdt"));
        }
        Set<Integer> tdts = new HashSet<>();
        Map<String, Integer> count = new HashMap<>();
        Map<Character, Integer> instruments = new HashMap<>();
        int[] wraps = { 0 };
        int[] polar = { 0 };
        int[] rasters = { 0 };
        int[] plane = { 0 };
        long t0 = System.nanoTime();
        SyntheticArchive.generate(meta, n, 7, (t, v) -> {
            TableDef td = tables.get(t);
            assertEquals(td.columns().size(), v.length, t);
            for (int i = 0; i < v.length; i++) {
                if (v[i] != null) {
                    assertEquals(td.columns().get(i).javaClass(), v[i].getClass(), t + "." + td.columns().get(i).name());
                }
            }
            count.merge(t, 1, Integer::sum);
            if (t.equals("ivoa.obscore")) {
                count.merge("cube", "cube".equals(v[0]) ? 1 : 0, Integer::sum);
            }
            if (t.equals("ida.observations")) {
                int tdt = (Integer) v[iTdt];
                assertTrue(tdts.add(tdt), "duplicate TDT " + tdt);
                assertFalse(sampleTdts.contains(tdt), "collides with the samples: " + tdt);
                int rev = (Integer) v[iRev];
                assertEquals(tdt / 100000, rev);
                assertTrue(rev >= 2 && rev <= 875 && rev != 800, "rev " + rev);
                instruments.merge(((String) v[iAot]).charAt(0), 1, Integer::sum);
                double ra = (Double) v[iRa], dec = (Double) v[iDec];
                assertEquals((Double) v[iRaH] * 15, ra, 1e-8);
                assertTrue(ra >= 0 && ra < 360 && dec >= -90 && dec <= 90);
                assertTrue(((String) v[iComment]).contains("synthetic"));
                String fov = (String) v[iFov];
                List<double[]> poly = BruteSky.polygon(fov);
                assertTrue(BruteSky.counterClockwise(poly), "not counter-clockwise: " + fov);
                BruteSky.polygon((String) v[iReg]);
                double[] c = BruteSky.v(ra, dec);
                double reach = 0;
                for (double[] p : poly) {
                    reach = Math.max(reach, BruteSky.angleDeg(c, p));
                }
                assertTrue(reach < 0.36, "footprint too large: " + fov);
                assertTrue(reach > 0.003, "footprint too small: " + fov);
                if (reach > 0.06) {
                    rasters[0]++;
                }
                assertTrue(BruteSky.angleDeg(c, BruteSky.v(SyntheticArchive.M31_RA, SyntheticArchive.M31_DEC)) > 1.0);
                double minRa = 360, maxRa = 0;
                String[] tok = fov.split(" ");
                for (int k = 2; k < tok.length; k += 2) {
                    double a = Double.parseDouble(tok[k]);
                    minRa = Math.min(minRa, a);
                    maxRa = Math.max(maxRa, a);
                }
                if (maxRa - minRa > 180 && Math.abs(dec) < 80) {
                    wraps[0]++;
                }
                if (Math.abs(dec) > 88.5) {
                    polar[0]++;
                }
                double b = Math.toDegrees(Math.asin(BruteSky.dot(c, GAL_POLE)));
                if (Math.abs(b) < 5) {
                    plane[0]++;
                }
            }
        });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("SyntheticArchive: " + n + " observations (with checks) in " + ms + " ms; " + count
                           + "; instruments " + instruments + "; RA-wrap " + wraps[0] + ", polar " + polar[0]
                           + ", rasters " + rasters[0] + ", |b|<5 " + plane[0]);
        assertEquals(n, count.get("ida.observations"));
        assertEquals(n, tdts.size());
        int products = count.get("ivoa.obscore");
        // one obscore row per product: every spectrum (ssap), image (siap) and CVF cube
        assertEquals(products, count.get("ivoa.ssap") + count.get("ivoa.siap") + count.get("cube"));
        assertEquals("dataproduct_type", tables.get("ivoa.obscore").columns().get(0).name());
        assertTrue(count.get("ivoa.ssap") > n / 5 && count.get("ivoa.siap") > n / 5, count.toString());
        assertTrue(products < n);
        assertShare(instruments.get('C'), n, 0.35);
        assertShare(instruments.get('P'), n, 0.25);
        assertShare(instruments.get('S'), n, 0.20);
        assertShare(instruments.get('L'), n, 0.20);
        assertTrue(wraps[0] >= 5, "RA-wrap footprints: " + wraps[0]);
        assertTrue(polar[0] >= 5, "polar footprints: " + polar[0]);
        assertTrue(rasters[0] > n / 100, "rasters: " + rasters[0]);
        // uniform alone would put ~8.7% within 5 deg of the plane
        assertTrue(plane[0] > n * 0.25, "Galactic plane share: " + plane[0]);
    }

    /** Galactic north pole, ICRS. */
    private static final double[] GAL_POLE = BruteSky.v(192.85948, 27.12825);

    private static void assertShare(int k, int n, double expected) {
        double f = (double) k / n;
        assertTrue(Math.abs(f - expected) < 0.03, "share " + f + " vs " + expected);
    }

    private static int index(TableDef t, String col) {
        List<ColumnDef> c = t.columns();
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).name().equals(col)) {
                return i;
            }
        }
        throw new AssertionError(col);
    }

    @Test
    void rejectsImpossibleSizes() throws Exception {
        ArchiveMetadata meta = Samples.meta();
        assertThrows(IllegalArgumentException.class, () -> SyntheticArchive.generate(meta, -1, 1, (t, v) -> { }));
        assertThrows(IllegalArgumentException.class,
                     () -> SyntheticArchive.generate(meta, SyntheticArchive.capacity() + 1, 1, (t, v) -> { }));
        assertTrue(SyntheticArchive.capacity() > 10_000_000L);
    }

    @Test
    void aMillionObservationsWithoutChecks() throws Exception {
        // timing is printed, not asserted
        ArchiveMetadata meta = Samples.meta();
        long[] n = { 0 };
        long t0 = System.nanoTime();
        SyntheticArchive.generate(meta, 1_000_000, 11, (t, v) -> n[0]++);
        System.out.println("SyntheticArchive: 1,000,000 observations, " + n[0] + " rows in "
                           + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertTrue(n[0] > 1_000_000);
    }
}
