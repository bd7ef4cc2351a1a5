package org.isosamp.local.geom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdqlGeometryTest {

    private static final String M31 = AdqlGeometry.circle("ICRS", 10.68470833, 41.26875, 0.08333333333333333);

    @Test
    void m31ConeMeetsTheFootprintAroundItAndNotOneADegreeAway() {
        String near = AdqlGeometry.polygon("ICRS", 10.674, 41.259, 10.694, 41.259, 10.694, 41.279, 10.674, 41.279);
        String far = AdqlGeometry.polygon("ICRS", 11.994, 41.259, 12.014, 41.259, 12.014, 41.279, 11.994, 41.279);
        assertEquals(1, AdqlGeometry.intersects(M31, near));
        assertEquals(1, AdqlGeometry.intersects(near, M31));
        assertEquals(1, AdqlGeometry.contains(near, M31));
        assertEquals(0, AdqlGeometry.intersects(M31, far));
        assertEquals(0, AdqlGeometry.contains(far, M31));
    }

    @Test
    void constructorsNormaliseRaAndFormatPlainly() {
        assertEquals("Position ICRS 350 -20", AdqlGeometry.point("ICRS", -10, -20));
        assertEquals("Position ICRS 0 90", AdqlGeometry.point("icrs", 360, 90));
        assertEquals("Position UNKNOWNFrame 0.0000001 0", AdqlGeometry.point("", 1e-7, 0));
        assertEquals("Position J2000 1 2", AdqlGeometry.point("J2000", 1, 2));
        assertEquals("Position UNKNOWNFrame 1 2", AdqlGeometry.point(null, 1, 2));
        assertEquals("Position ICRS 1 2", AdqlGeometry.point(" icrs  GEOCENTER ", 1, 2));
        assertMessage("frame 'ICRS BOGUS' is not supported (use 'ICRS', 'FK5', 'J2000' or '')",
                      () -> AdqlGeometry.point("ICRS BOGUS", 1, 2));
        assertEquals("Circle FK5 10.5 -89.99 0.0000001", AdqlGeometry.circle("FK5", 370.5, -89.99, 1e-7));
        assertEquals("Box ICRS 359 0 4 2", AdqlGeometry.box("ICRS", -1, 0, 4, 2));
        assertEquals("Polygon ICRS 359 0 1 0 0 1", AdqlGeometry.polygon("ICRS", -1, 0, 1, 0, 0, 1));
    }

    @Test
    void badArgumentsAreRejectedNamingTheValue() {
        assertMessage("frame 'GALACTIC' is not supported (use 'ICRS', 'FK5', 'J2000' or '')",
                      () -> AdqlGeometry.point("GALACTIC", 1, 2));
        assertMessage("dec (95.0) must be within [-90, 90]", () -> AdqlGeometry.point("ICRS", 10, 95));
        assertMessage("dec (-90.5) must be within [-90, 90]", () -> AdqlGeometry.circle("ICRS", 10, -90.5, 1));
        assertMessage("dec (NaN) must be within [-90, 90]", () -> AdqlGeometry.angularDistanceDeg(0, Double.NaN, 0, 0));
        assertMessage("ra (Infinity) must be finite", () -> AdqlGeometry.point("ICRS", Double.POSITIVE_INFINITY, 0));
        assertMessage("radius (-1.0) must be within [0, 180] degrees", () -> AdqlGeometry.circle("ICRS", 1, 2, -1));
        assertMessage("radius (181.0) must be within [0, 180] degrees", () -> AdqlGeometry.circle("ICRS", 1, 2, 181));
        assertMessage("box width (0.0) must be within (0, 180) degrees", () -> AdqlGeometry.box("ICRS", 1, 2, 0, 1));
        assertMessage("box at dec 89.0 with height 4.0 extends beyond a pole",
                      () -> AdqlGeometry.box("ICRS", 1, 89, 2, 4));
        assertMessage("polygon needs at least 3 distinct vertices, got 2 (10.0 10.0 11.0 10.0 10.0 10.0)",
                      () -> AdqlGeometry.polygon("ICRS", 10, 10, 11, 10, 10, 10));
        assertMessage("polygon needs ra dec pairs, got 5 numbers",
                      () -> AdqlGeometry.polygon("ICRS", 10, 10, 11, 10, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> AdqlGeometry.polygon("ICRS", 0, 0, 10, 10, 10, 0, 0, 10));
        assertTrue(e.getMessage().startsWith("invalid polygon (0.0 0.0 10.0 10.0 10.0 0.0 0.0 10.0): "),
                   e.getMessage());
    }

    @Test
    void malformedStcsIsRejectedQuotingTheText() {
        assertMessage("frame \"GALACTIC\" in STC-S region \"Circle GALACTIC 1 2 3\" is not supported"
                      + " (only ICRS, FK5, J2000, UNKNOWNFrame)",
                      () -> AdqlGeometry.area("Circle GALACTIC 1 2 3"));
        assertMessage("frame \"ECLIPTIC\" in STC-S region \"Union ECLIPTIC (Circle 1 2 3)\" is not supported"
                      + " (only ICRS, FK5, J2000, UNKNOWNFrame)",
                      () -> AdqlGeometry.area("Union ECLIPTIC (Circle 1 2 3)"));
        assertMessage("malformed STC-S region \"Circle ICRS 1 2\": Circle needs ra dec radius, got 2 numbers",
                      () -> AdqlGeometry.intersects("Circle ICRS 1 2", M31));
        assertMessage("malformed STC-S region \"Polygon ICRS 1 2 3 4 5\": Polygon needs ra dec pairs,"
                      + " at least three, got 5 numbers",
                      () -> AdqlGeometry.contains(M31, "Polygon ICRS 1 2 3 4 5"));
        assertMessage("malformed STC-S region \"Position ICRS 1 2 3\": unexpected \"3\" after the region",
                      () -> AdqlGeometry.coord1("Position ICRS 1 2 3"));
        assertMessage("malformed STC-S region \"Circle ICRS 1 x 3\": unexpected \"x\"",
                      () -> AdqlGeometry.area("Circle ICRS 1 x 3"));
        assertMessage("malformed STC-S region \"Blob ICRS 1 2\": unknown shape \"Blob\"",
                      () -> AdqlGeometry.area("Blob ICRS 1 2"));
        assertMessage("malformed STC-S region \"\": empty", () -> AdqlGeometry.area(""));
        assertMessage("malformed STC-S region \"Union ICRS (Circle 1 2 3\": missing \")\"",
                      () -> AdqlGeometry.area("Union ICRS (Circle 1 2 3"));
        assertMessage("malformed STC-S region \"Not ICRS (Circle 1 2 3)\": STC-S shape \"Not\" is not supported",
                      () -> AdqlGeometry.area("Not ICRS (Circle 1 2 3)"));
        assertMessage("dec (91.0) must be within [-90, 90]", () -> AdqlGeometry.area("Circle ICRS 1 91 3"));
        assertMessage("COORD1 needs a point, not \"Circle ICRS 1 2 3\"", () -> AdqlGeometry.coord1("Circle ICRS 1 2 3"));
        StringBuilder longText = new StringBuilder("Circle ICRS 1 2 x");
        for (int i = 0; i < 50; i++) {
            longText.append(" 9");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                                  () -> AdqlGeometry.area(longText.toString()));
        assertEquals("malformed STC-S region \"" + longText.substring(0, 100) + "...\": unexpected \"x\"",
                     e.getMessage());
    }

    @Test
    void stcsVariantsParse() {
        String[] sameCircle = {
            "Circle ICRS 10 20 1", "circle icrs 10 20 1", "CIRCLE ICRS TOPOCENTER SPHERICAL2 10 20 1",
            "Circle 10 20 1", "Circle UNKNOWNFrame 10 20 1", "Circle J2000 370 20 1", "Circle FK5 10 20 1 unit deg",
            "  Circle\tICRS  10.0 20.0 1.0e0 ",
        };
        for (String s : sameCircle) {
            assertEquals(1, AdqlGeometry.contains(s, "Circle ICRS 10 20 1.0000001"), s);
            assertEquals(0, AdqlGeometry.contains(s, "Circle ICRS 10 20 0.9999999"), s);
        }
        assertEquals("", AdqlGeometry.coordsys("Circle 10 20 1"));
        assertEquals("UNKNOWNFrame", AdqlGeometry.coordsys("Circle unknownframe 10 20 1"));
        assertEquals("FK5", AdqlGeometry.coordsys("Polygon fk5 1 2 3 4 5 6"));
        assertEquals(20.0, AdqlGeometry.coord2("Point ICRS 10 20"));
        // closing vertex repeated, and either winding
        String ccw = "Polygon ICRS 10 10 11 10 11 11 10 11";
        String closed = "Polygon ICRS 10 10 11 10 11 11 10 11 10 10";
        String cw = "Polygon ICRS 10 11 11 11 11 10 10 10";
        for (String p : new String[] { ccw, closed, cw }) {
            assertEquals(1, AdqlGeometry.contains("Position ICRS 10.5 10.5", p), p);
            assertEquals(0, AdqlGeometry.contains("Position ICRS 190.5 -10.5", p), p);
            assertEquals(AdqlGeometry.area(ccw), AdqlGeometry.area(p), 1e-12);
        }
    }

    @Test
    void unionsInBothFormsBehaveAsTheirMembers() {
        String[] unions = {
            "Union ICRS (Polygon 10 10 11 10 11 11 10 11)(Circle ICRS 50 -20 1)",
            "Union ICRS ( Polygon ICRS 10 10 11 10 11 11 10 11 Circle ICRS 50 -20 1 )",
            "UNION ICRS TOPOCENTER (Polygon ICRS 10 10 11 10 11 11 10 11) (Circle ICRS 50 -20 1)",
        };
        for (String u : unions) {
            assertEquals(1, AdqlGeometry.contains("Position ICRS 10.5 10.5", u), u);
            assertEquals(1, AdqlGeometry.contains("Position ICRS 50 -20.9", u), u);
            assertEquals(0, AdqlGeometry.contains("Position ICRS 30 0", u), u);
            assertEquals(1, AdqlGeometry.intersects("Circle ICRS 52 -20 1.1", u), u);
            assertEquals(1, AdqlGeometry.intersects(u, "Circle ICRS 52 -20 1.1"), u);
            assertEquals(0, AdqlGeometry.intersects(u, "Circle ICRS 30 0 5"), u);
            assertEquals(1, AdqlGeometry.contains(u, "Circle ICRS 30 -5 35"), u);
            assertEquals(0, AdqlGeometry.contains(u, "Circle ICRS 50 -20 5"), u);
            assertEquals(1, AdqlGeometry.contains("Circle ICRS 50 -20 0.5", u), u);
            assertEquals(1, AdqlGeometry.intersects(u, u), u);
            assertEquals(AdqlGeometry.area("Polygon 10 10 11 10 11 11 10 11") + AdqlGeometry.area("Circle 50 -20 1"),
                         AdqlGeometry.area(u), 1e-9, u);
        }
        // overlapping polygons: area counted once
        String a = "Polygon 10 10 11 10 11 11 10 11";
        String b = "Polygon 10.5 10 12 10 12 11 10.5 11";
        assertEquals(AdqlGeometry.area(a), AdqlGeometry.area("Union ICRS (" + a + ")(" + a + ")"), 1e-9);
        double ab = AdqlGeometry.area("Union ICRS (" + a + ")(" + b + ")");
        assertTrue(ab > AdqlGeometry.area(b) + 0.4 && ab < AdqlGeometry.area(a) + AdqlGeometry.area(b) - 0.4, "" + ab);
        // conservative: a circle covered only by two members together is not "contained"
        assertEquals(0, AdqlGeometry.contains("Circle ICRS 11 10.5 0.2",
            "Union ICRS (Polygon 10 10 11 10 11 11 10 11)(Polygon 11 10 12 10 12 11 11 11)"));
    }

    @Test
    void containsAndIntersectsCornerCases() {
        String p = "Position ICRS 10 20";
        assertEquals(1, AdqlGeometry.contains(p, "Position ICRS 370 20.0000000001"));
        assertEquals(0, AdqlGeometry.contains(p, "Position ICRS 10 20.00000001"));
        assertEquals(1, AdqlGeometry.intersects(p, "Position ICRS 10 20"));
        assertEquals(0, AdqlGeometry.contains("Circle ICRS 10 20 1", p));
        assertEquals(0, AdqlGeometry.contains("Polygon 10 10 11 10 11 11", p));
        // boundaries are closed
        assertEquals(1, AdqlGeometry.contains("Position ICRS 10 10", "Polygon 10 10 11 10 11 11"));
        assertEquals(1, AdqlGeometry.contains("Position ICRS 0 21", "Circle ICRS 0 20 1"));
        assertEquals(1, AdqlGeometry.intersects("Polygon 10 10 11 10 11 11", "Polygon 11 11 12 11 12 12"));
        assertEquals(1, AdqlGeometry.contains("Polygon 10 10 11 10 11 11", "Polygon 10 10 11 10 11 11"));
        // a polygon and a larger one holding it; a circle in a polygon around the pole
        assertEquals(1, AdqlGeometry.contains("Polygon 10 10 11 10 11 11", "Polygon 9 9 12 9 12 12 9 12"));
        assertEquals(0, AdqlGeometry.contains("Polygon 9 9 12 9 12 12 9 12", "Polygon 10 10 11 10 11 11"));
        String polar = "Polygon ICRS 0 80 90 80 180 80 270 80";
        assertEquals(1, AdqlGeometry.contains("Circle ICRS 123 89 5", polar));
        assertEquals(0, AdqlGeometry.contains("Circle ICRS 123 89 10", polar));
        assertEquals(1, AdqlGeometry.contains(polar, "Circle ICRS 0 90 10.1"));
        // a cap larger than a hemisphere, and the full sky
        assertEquals(0, AdqlGeometry.contains(polar, "Circle ICRS 0 -90 171"));
        assertEquals(1, AdqlGeometry.contains("Polygon 10 10 11 10 11 11", "Circle ICRS 220 -10 170"));
        assertEquals(0, AdqlGeometry.contains("Polygon 10 10 11 10 11 11", "Circle ICRS 220 -10 145"));
        assertEquals(1, AdqlGeometry.contains("Polygon 0 0 120 0 240 0.0001", "Circle ICRS 0 0 180"));
        assertEquals(1, AdqlGeometry.intersects("Circle ICRS 0 0 100", "Circle ICRS 180 0 81"));
        assertEquals(0, AdqlGeometry.intersects("Circle ICRS 0 0 100", "Circle ICRS 180 0 79"));
        // tiny radii
        assertEquals(1, AdqlGeometry.contains("Position ICRS 10 20.00000009", "Circle ICRS 10 20 1e-7"));
        assertEquals(0, AdqlGeometry.contains("Position ICRS 10 20.00000011", "Circle ICRS 10 20 1e-7"));
        assertEquals(1, AdqlGeometry.intersects("Circle ICRS 10 20 1e-7", "Circle ICRS 10 20.00000019 1e-7"));
        assertEquals(0, AdqlGeometry.intersects("Circle ICRS 10 20 1e-7", "Circle ICRS 10 20.00000021 1e-7"));
        // RA wrap
        assertEquals(1, AdqlGeometry.contains("Position ICRS 0.5 0", "Box ICRS 359.5 0 2 2"));
        assertEquals(1, AdqlGeometry.contains("Position ICRS 359 0.5", "Polygon ICRS 358 0 1 0 1 1 358 1"));
        assertEquals(0, AdqlGeometry.contains("Position ICRS 180 0.5", "Polygon ICRS 358 0 1 0 1 1 358 1"));
    }

    @Test
    void distanceAreaCentroidAndCap() {
        assertEquals(180.0, AdqlGeometry.angularDistanceDeg(0, 0, 180, 0), 1e-12);
        assertEquals(180.0, AdqlGeometry.distance(10, 90, 20, -90), 1e-12);
        assertEquals(1e-7, AdqlGeometry.distance(10, 20, 10, 20 + 1e-7), 1e-14);
        assertEquals(90.0, AdqlGeometry.distance("Position ICRS 0 90", "Position ICRS 123 0"), 1e-12);
        // octant: 1/8 of the sky
        double sky = 4 * Math.PI * Math.pow(180 / Math.PI, 2);
        assertEquals(sky / 8, AdqlGeometry.area("Polygon ICRS 0 0 90 0 0 90"), 1e-9);
        assertEquals(sky / 8, AdqlGeometry.area("Polygon ICRS 0 90 90 0 0 0"), 1e-9);
        assertEquals(sky / 2, AdqlGeometry.area("Circle ICRS 1 2 90"), 1e-9);
        assertEquals(Math.PI * 1e-12, AdqlGeometry.area("Circle ICRS 1 2 1e-6"), 1e-22);
        assertEquals(0.0, AdqlGeometry.area("Position ICRS 1 2"));
        // a small box is about w * h (1 x 1 degree at the equator)
        assertEquals(1.0, AdqlGeometry.area("Box ICRS 30 0 1 1"), 1e-4);
        assertEquals("Position ICRS 12 34", AdqlGeometry.centroid("Circle ICRS 12 34 5"));
        assertEquals("Position UNKNOWNFrame 12 34", AdqlGeometry.centroid("Position 12 34"));
        String c = AdqlGeometry.centroid("Polygon ICRS 359 -1 1 -1 1 1 359 1");
        assertEquals(0.0, AdqlGeometry.distance(c, "Position ICRS 0 0"), 1e-9, c);
        double[] cap = AdqlGeometry.boundingCap("Circle ICRS 12 34 5");
        assertArrayEquals(new double[] { 12, 34, 5 }, cap, 1e-12);
        cap = AdqlGeometry.boundingCap("Position ICRS 12 34");
        assertArrayEquals(new double[] { 12, 34, 0 }, cap, 1e-12);
        cap = AdqlGeometry.boundingCap("Polygon ICRS 359 -1 1 -1 1 1 359 1");
        assertEquals(0.0, AdqlGeometry.angularDistanceDeg(cap[0], cap[1], 0, 0), 1e-9);
        assertEquals(AdqlGeometry.angularDistanceDeg(0, 0, 1, 1), cap[2], 1e-9);
    }

    @Test
    void nullsPassThrough() {
        assertNull(AdqlGeometry.contains(null, M31));
        assertNull(AdqlGeometry.intersects(M31, null));
        assertNull(AdqlGeometry.distance(null, "Position ICRS 1 2"));
        assertNull(AdqlGeometry.coord1(null));
        assertNull(AdqlGeometry.coord2(null));
        assertNull(AdqlGeometry.coordsys(null));
        assertNull(AdqlGeometry.area(null));
        assertNull(AdqlGeometry.centroid(null));
    }

    @Test
    void parseCacheReusesAndStaysBounded() {
        assertSame(SkyRegion.parse("Circle ICRS 1 2 3"), SkyRegion.parse("Circle ICRS 1 2 3"));
        for (int i = 0; i < SkyRegion.CACHE_LIMIT + 10; i++) {
            SkyRegion.parse("Position ICRS " + (i % 360) + " " + (i % 179 - 89) + " ");
        }
        assertTrue(SkyRegion.cacheSize() <= SkyRegion.CACHE_LIMIT, "size " + SkyRegion.cacheSize());
    }

    @Test
    void sharedRegionsAreSafeAcrossThreads() throws Exception {
        // 100 vertices: beyond S2's brute-force limit, so its lazy edge index is built concurrently
        double[] ring = new double[200];
        for (int i = 0; i < 100; i++) {
            double[] p = Sphere.dest(40, -30, i * 3.6, 2);
            ring[2 * i] = p[0];
            ring[2 * i + 1] = p[1];
        }
        String poly = AdqlGeometry.polygon("ICRS", ring);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final long seed = t;
                results.add(pool.submit(() -> {
                    java.util.Random rnd = new java.util.Random(seed);
                    int bad = 0;
                    for (int i = 0; i < 5000; i++) {
                        double d = rnd.nextDouble() * 4;
                        if (Math.abs(d - 2) < 0.01) {
                            continue;
                        }
                        double[] p = Sphere.dest(40, -30, rnd.nextDouble() * 360, d);
                        int want = d < 2 ? 1 : 0;
                        if (AdqlGeometry.contains(AdqlGeometry.point("ICRS", p[0], p[1]), poly) != want) {
                            bad++;
                        }
                    }
                    return bad;
                }));
            }
            for (java.util.concurrent.Future<Integer> f : results) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void timingSanity() {
        String circle = "Circle ICRS 10.68470833 41.26875 0.08333333333333333";
        String poly = "Polygon ICRS 10.674 41.259 10.694 41.259 10.694 41.279 10.674 41.279";
        String farPoly = "Polygon ICRS 10.75 41.25 10.85 41.25 10.85 41.3 10.75 41.3"; // crosses the edge
        int n = 1_000_000;
        long sum = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sum += AdqlGeometry.intersects(circle, (i & 1) == 0 ? poly : farPoly);
                sum += AdqlGeometry.contains(poly, circle);
            }
            long t1 = System.nanoTime();
            System.out.printf("circle vs 4-vertex polygon, cached: %.3f us per call%n", (t1 - t0) / 1e3 / (2.0 * n));
        }
        assertEquals(2 * (n + n), sum);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable ex) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ex);
        assertEquals(expected, e.getMessage());
    }
}
