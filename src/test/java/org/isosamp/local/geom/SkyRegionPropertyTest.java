package org.isosamp.local.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The predicates against the brute force of {@link Sphere}, over thousands of
 * random cases with poles, RA wrap, tiny and large sizes. Cases too close to
 * a boundary for the brute force to decide are skipped (and counted).
 */
class SkyRegionPropertyTest {

    private static final String F = "ICRS";

    private static String point(double[] p) {
        return AdqlGeometry.point(F, p[0], p[1]);
    }

    private static String circle(double[] c, double r) {
        return AdqlGeometry.circle(F, c[0], c[1], r);
    }

    private static String polygon(double[][] v) {
        return AdqlGeometry.polygon(F, Sphere.flat(v));
    }

    @Test
    void pointInCircleMatchesHaversine() {
        Random rnd = new Random(1);
        int checked = 0;
        for (int i = 0; i < 20000; i++) {
            double[] c = Sphere.centre(rnd);
            double r = Sphere.radius(rnd);
            double d = rnd.nextInt(4) == 0 ? rnd.nextDouble() * 180 : r * 2 * rnd.nextDouble();
            double[] p = Sphere.dest(c[0], c[1], rnd.nextDouble() * 360, d);
            double truth = Sphere.hav(c, p);
            if (Math.abs(truth - r) < 1e-9 * r + 1e-10) {
                continue;
            }
            boolean in = truth <= r;
            String what = "point " + p[0] + "," + p[1] + " circle " + c[0] + "," + c[1] + "," + r;
            assertEquals(in ? 1 : 0, AdqlGeometry.contains(point(p), circle(c, r)), what);
            assertEquals(in ? 1 : 0, AdqlGeometry.intersects(point(p), circle(c, r)), what);
            assertEquals(in ? 1 : 0, AdqlGeometry.intersects(circle(c, r), point(p)), what);
            assertEquals(truth, AdqlGeometry.angularDistanceDeg(c[0], c[1], p[0], p[1]),
                         1e-12 + 1e-10 * truth, what);
            checked++;
        }
        assertTrue(checked > 19000, "checked " + checked);
    }

    @Test
    void circleCircleMatchesHaversine() {
        Random rnd = new Random(2);
        int checked = 0;
        for (int i = 0; i < 20000; i++) {
            double[] c1 = Sphere.centre(rnd);
            double r1 = Sphere.radius(rnd);
            double r2 = rnd.nextBoolean() ? r1 * Sphere.logUniform(rnd, 0.1, 10) : Sphere.radius(rnd);
            r2 = Math.min(r2, 90);
            double scale = rnd.nextBoolean() ? r1 + r2 : Math.abs(r2 - r1);
            double d = Math.min(180, scale * 2 * rnd.nextDouble());
            double[] c2 = Sphere.dest(c1[0], c1[1], rnd.nextDouble() * 360, d);
            double dd = Sphere.hav(c1, c2);
            double tol = 1e-9 * (r1 + r2) + 1e-10;
            String what = "circles " + circle(c1, r1) + " / " + circle(c2, r2);
            if (Math.abs(dd - (r1 + r2)) > tol) {
                int want = dd <= r1 + r2 ? 1 : 0;
                assertEquals(want, AdqlGeometry.intersects(circle(c1, r1), circle(c2, r2)), what);
                assertEquals(want, AdqlGeometry.intersects(circle(c2, r2), circle(c1, r1)), what);
                checked++;
            }
            if (Math.abs(dd + r1 - r2) > tol) {
                assertEquals(dd + r1 <= r2 ? 1 : 0, AdqlGeometry.contains(circle(c1, r1), circle(c2, r2)), what);
                checked++;
            }
        }
        assertTrue(checked > 38000, "checked " + checked);
    }

    @Test
    void pointInConvexPolygonMatchesEdgeNormalSigns() {
        Random rnd = new Random(3);
        int checked = 0;
        for (int i = 0; i < 5000; i++) {
            double[] m = Sphere.centre(rnd);
            double size = Sphere.logUniform(rnd, 1e-6, 60);
            double[][] v = Sphere.starPolygon(rnd, m, size, 1.0); // on a small circle: convex
            String poly = polygon(v);
            String rev = polygon(Sphere.reversed(v));
            // orientation from the centre, which is inside
            double sm = Math.signum(Sphere.side(v[0], v[1], m));
            for (int j = 0; j < 4; j++) {
                double[] p = Sphere.dest(m[0], m[1], rnd.nextDouble() * 360, size * 1.5 * rnd.nextDouble());
                boolean in = true;
                double minAbs = Double.POSITIVE_INFINITY;
                for (int e = 0; e < v.length; e++) {
                    double s = Sphere.side(v[e], v[(e + 1) % v.length], p) * sm;
                    in &= s >= 0;
                    minAbs = Math.min(minAbs, Math.abs(s));
                }
                if (minAbs < 1e-9 * Math.toRadians(size) + 2 * SkyRegion.EPS) {
                    continue;
                }
                String what = point(p) + " in " + poly;
                assertEquals(in ? 1 : 0, AdqlGeometry.contains(point(p), poly), what);
                assertEquals(in ? 1 : 0, AdqlGeometry.contains(point(p), rev), what);
                assertEquals(in ? 1 : 0, AdqlGeometry.intersects(poly, point(p)), what);
                checked++;
            }
        }
        assertTrue(checked > 19000, "checked " + checked);
    }

    @Test
    void circleAgainstStarPolygonMatchesSampledEdges() {
        Random rnd = new Random(4);
        int n = 400;
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            double[] m = Sphere.centre(rnd);
            double size = Sphere.logUniform(rnd, 1e-5, 60);
            double[][] v = Sphere.starPolygon(rnd, m, size, 0.3);
            double[][] boundary = Sphere.sampleBoundary(v, n);
            double spacing = Sphere.longestEdge(v) / n;
            String poly = polygon(v);
            String rev = polygon(Sphere.reversed(v));
            for (int j = 0; j < 3; j++) {
                double r = Math.min(90, size * Sphere.logUniform(rnd, 0.01, 3));
                double[] c = Sphere.dest(m[0], m[1], rnd.nextDouble() * 360, size * 3 * rnd.nextDouble());
                double minD = Double.POSITIVE_INFINITY;
                double maxD = 0;
                for (double[] b : boundary) {
                    double d = Sphere.hav(c, b);
                    minD = Math.min(minD, d);
                    maxD = Math.max(maxD, d);
                }
                String circ = circle(c, r);
                String what = circ + " vs " + poly;
                // circle meets polygon: centre inside, or boundary within r
                if (Math.abs(minD - r) > spacing + 1e-10) {
                    int inside = Sphere.inStar(m, v, c, 2 * SkyRegion.EPS);
                    if (inside >= 0 || minD <= r) {
                        boolean want = inside == 1 || minD <= r;
                        assertEquals(want ? 1 : 0, AdqlGeometry.intersects(circ, poly), what);
                        assertEquals(want ? 1 : 0, AdqlGeometry.intersects(rev, circ), what);
                        // circle within polygon: centre inside and boundary beyond r
                        boolean within = inside == 1 && minD > r;
                        assertEquals(within ? 1 : 0, AdqlGeometry.contains(circ, poly), what);
                        assertEquals(within ? 1 : 0, AdqlGeometry.contains(circ, rev), what);
                        checked++;
                    }
                }
                // polygon within circle: farthest boundary point within r
                if (Math.abs(maxD - r) > spacing + 1e-10) {
                    assertEquals(maxD <= r ? 1 : 0, AdqlGeometry.contains(poly, circ), what);
                    assertEquals(maxD <= r ? 1 : 0, AdqlGeometry.contains(rev, circ), what);
                    checked++;
                }
            }
        }
        assertTrue(checked > 12000, "checked " + checked);
    }

    @Test
    void boundingCapHoldsEveryBoundaryPoint() {
        Random rnd = new Random(5);
        for (int i = 0; i < 2000; i++) {
            double[] m = Sphere.centre(rnd);
            double size = Sphere.logUniform(rnd, 1e-6, 80);
            double[][] v = Sphere.starPolygon(rnd, m, size, 0.3);
            String poly = polygon(v);
            double[] cap = AdqlGeometry.boundingCap(poly);
            double maxV = 0;
            for (double[] b : Sphere.sampleBoundary(v, 100)) {
                double d = Sphere.hav(cap, b);
                maxV = Math.max(maxV, d);
                assertTrue(d <= cap[2] + 1e-11 + 1e-12 * cap[2],
                           poly + ": boundary point " + b[0] + "," + b[1] + " at " + d + " > cap " + cap[2]);
            }
            // a good cap: not much bigger than needed
            assertTrue(cap[2] <= 1.5 * maxV + 1e-9, poly + ": cap " + cap[2] + " vs " + maxV);
            double[] capRev = AdqlGeometry.boundingCap(polygon(Sphere.reversed(v)));
            assertEquals(cap[2], capRev[2], 1e-9 * cap[2] + 1e-12, poly);
        }
    }

    @Test
    void boundingCapCoversPolewardBulgeOfBoxesAndWideArcs() {
        String[] regions = {
            "Box ICRS 0 85 20 5",
            "Box ICRS 359 -86 40 6",
            "Polygon ICRS 0 80 90 80 180 80",
            "Polygon ICRS 350 70 10 70 10 60 350 60",
            "Circle ICRS 10 89.99 0.5",
            "Union ICRS (Polygon ICRS 0 80 90 80 180 80)(Circle ICRS 180 -30 2)",
        };
        for (String s : regions) {
            SkyRegion r = SkyRegion.parse(s);
            double[] cap = AdqlGeometry.boundingCap(s);
            double[][] pts = boundaryOf(r);
            for (double[] b : pts) {
                assertTrue(Sphere.hav(cap, b) <= cap[2] + 1e-11, s + " point " + b[0] + "," + b[1]);
            }
        }
        // the arc from (0,80) to (90,80) passes north of dec 80
        double[] mid = Sphere.slerp(new double[] { 0, 80 }, new double[] { 90, 80 }, 0.5);
        assertTrue(mid[1] > 82, "bulge " + mid[1]);
        assertEquals(1, AdqlGeometry.contains(point(mid), "Polygon ICRS 0 80 90 80 180 80"));
    }

    private static double[][] boundaryOf(SkyRegion r) {
        if (r instanceof SkyRegion.Union) {
            java.util.List<double[]> all = new java.util.ArrayList<>();
            for (SkyRegion m : ((SkyRegion.Union) r).members) {
                all.addAll(java.util.Arrays.asList(boundaryOf(m)));
            }
            return all.toArray(new double[0][]);
        }
        if (r instanceof SkyRegion.Circle) {
            SkyRegion.Circle c = (SkyRegion.Circle) r;
            double[][] out = new double[720][];
            for (int i = 0; i < out.length; i++) {
                out[i] = Sphere.dest(c.ra, c.dec, i / 2.0, Math.toDegrees(c.r));
            }
            return out;
        }
        SkyRegion.Polygon p = (SkyRegion.Polygon) r;
        double[][] v = new double[p.vertices.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = Sphere.raDec(new double[] { p.vertices[i].getX(), p.vertices[i].getY(), p.vertices[i].getZ() });
        }
        return Sphere.sampleBoundary(v, 2000);
    }

    @Test
    void polygonPairsAgreeWithVertexAndSampleBruteForce() {
        Random rnd = new Random(6);
        int checked = 0;
        for (int i = 0; i < 2000; i++) {
            double[] m = Sphere.centre(rnd);
            double size = Sphere.logUniform(rnd, 1e-5, 30);
            double[][] a = Sphere.starPolygon(rnd, m, size, 1.0);
            double[] m2 = Sphere.dest(m[0], m[1], rnd.nextDouble() * 360, size * 3 * rnd.nextDouble());
            double[][] b = Sphere.starPolygon(rnd, m2, size * Sphere.logUniform(rnd, 0.1, 3), 1.0);
            // brute force on convex polygons: sample both boundaries, test samples against the other
            boolean meet = false;
            boolean aInB = true;
            boolean ambiguous = false;
            double tolA = 1e-9 * Math.toRadians(size) + 2 * SkyRegion.EPS;
            for (double[] p : Sphere.sampleBoundary(a, 40)) {
                int s = convexSide(b, m2, p, tolA);
                ambiguous |= s < 0;
                meet |= s == 1;
                aInB &= s == 1;
            }
            for (double[] p : Sphere.sampleBoundary(b, 40)) {
                int s = convexSide(a, m, p, tolA);
                ambiguous |= s < 0;
                meet |= s == 1;
            }
            if (ambiguous) {
                continue;
            }
            String pa = polygon(a);
            String pb = polygon(b);
            String what = pa + " vs " + pb;
            if (meet) {   // sampled boundaries overlap: surely intersecting
                assertEquals(1, AdqlGeometry.intersects(pa, pb), what);
                assertEquals(1, AdqlGeometry.intersects(polygon(Sphere.reversed(b)), pa), what);
            }
            if (!aInB) {
                assertEquals(0, AdqlGeometry.contains(pa, pb), what);
            } else {
                // convex b holding every vertex of a holds a
                assertEquals(1, AdqlGeometry.contains(pa, polygon(Sphere.reversed(b))), what);
            }
            checked++;
        }
        assertTrue(checked > 1500, "checked " + checked);
    }

    /** 1 inside convex polygon v (m inside it), 0 outside, -1 too close to tell. */
    private static int convexSide(double[][] v, double[] m, double[] p, double tol) {
        double sm = Math.signum(Sphere.side(v[0], v[1], m));
        boolean in = true;
        for (int e = 0; e < v.length; e++) {
            double s = Sphere.side(v[e], v[(e + 1) % v.length], p) * sm;
            if (Math.abs(s) <= tol) {
                return -1;
            }
            in &= s > 0;
        }
        return in ? 1 : 0;
    }
}
