package org.isosamp.local.geom;

import com.google.common.geometry.S2EdgeUtil;
import com.google.common.geometry.S2Error;
import com.google.common.geometry.S2Loop;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Polygon;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A region of the celestial sphere parsed from an STC-S string, with the exact
 * spherical predicates behind the ADQL geometry functions.
 *
 * <p>Accepted text (keywords and frames case-insensitive, degrees throughout):
 * <pre>
 *   Position ICRS ra dec                  (also "Point")
 *   Circle ICRS ra dec radius
 *   Box ICRS ra dec width height
 *   Polygon ICRS ra1 dec1 ra2 dec2 ra3 dec3 ...
 *   Union ICRS (Polygon ICRS ...)(Circle ICRS ...)
 *   Union ICRS ( Polygon ... Polygon ... )
 * </pre>
 * The frame may be ICRS, FK5, J2000, UNKNOWNFrame or absent, all read as ICRS
 * (they differ by far less than an arcsecond); it may be followed by
 * reference-position and flavour tokens such as {@code TOPOCENTER SPHERICAL2},
 * which are skipped, and the numbers by {@code unit deg}. Other frames
 * (GALACTIC, ECLIPTIC, FK4, ...) are rejected.
 *
 * <p>Points are unit vectors, so RA wrap and the poles need no special
 * cases. Polygon edges are great-circle arcs; a repeated closing vertex and
 * repeated consecutive vertices are dropped, and the orientation is
 * normalised so that the interior is the smaller of the two regions the
 * boundary separates, whatever the winding. Polygons with fewer than three
 * distinct vertices, or whose edges cross, are rejected. A box is the
 * four-vertex great-circle polygon with corners (ra &plusmn; w/2, dec &plusmn; h/2),
 * the reading of CDS pgSphere's {@code sbox}; note the RA half-width is not
 * divided by cos(dec).
 *
 * <p>Boundaries belong to the regions (closed regions), within
 * {@link #EPS} radians. Instances are immutable and thread-safe; so is the
 * parse cache behind {@link #parse}.
 */
abstract class SkyRegion {

    /** Boundary tolerance, radians (about 6e-11 degrees, 0.2 micro-arcseconds). */
    static final double EPS = 1e-12;

    /** Two points closer than this (radians; 1e-9 degrees) are equal. */
    static final double POINT_EQ = Math.toRadians(1e-9);

    /** The parse cache is cleared when it grows past this many entries. */
    static final int CACHE_LIMIT = 200_000;

    private static final ConcurrentHashMap<String, SkyRegion> CACHE = new ConcurrentHashMap<>();

    private final String frame;

    SkyRegion(String frame) {
        this.frame = frame;
    }

    /**
     * @return the frame token as written, in canonical case ("ICRS", "FK5",
     *         "J2000", "UNKNOWNFrame"), or "" when the text had none
     */
    final String frame() {
        return frame;
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses STC-S text, using a bounded cache (regions are immutable).
     *
     * @param stcs STC-S text
     * @return the region
     * @throws IllegalArgumentException if the text is malformed or uses an
     *         unsupported frame; the message quotes the text
     */
    static SkyRegion parse(String stcs) {
        SkyRegion r = CACHE.get(stcs);
        if (r == null) {
            r = parseUncached(stcs);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(stcs, r);
        }
        return r;
    }

    /** @return the number of cached regions (for tests) */
    static int cacheSize() {
        return CACHE.size();
    }

    /** Parses without touching the cache. */
    static SkyRegion parseUncached(String stcs) {
        if (stcs == null) {
            throw new IllegalArgumentException("STC-S region is null");
        }
        StcsParser p = new StcsParser(stcs);
        SkyRegion r = p.region(true);
        if (p.pos < p.tokens.size()) {
            throw p.error("unexpected \"" + p.tokens.get(p.pos) + "\" after the region");
        }
        return r;
    }

    /** Quotes text for an error message, cut to about 100 characters. */
    static String quote(String text) {
        String t = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return "\"" + t + "\"";
    }

    // --------------------------------------------------------- construction

    /**
     * Unit vector for (ra, dec) in degrees; ra any finite value, dec within [-90, 90].
     *
     * @throws IllegalArgumentException if ra is not finite or dec is out of range
     */
    static S2Point vector(double raDeg, double decDeg) {
        checkRaDec(raDeg, decDeg);
        double ra = Math.toRadians(raDeg);
        double dec = Math.toRadians(decDeg);
        double c = Math.cos(dec);
        return new S2Point(c * Math.cos(ra), c * Math.sin(ra), Math.sin(dec));
    }

    static void checkRaDec(double raDeg, double decDeg) {
        if (!Double.isFinite(raDeg)) {
            throw new IllegalArgumentException("ra (" + raDeg + ") must be finite");
        }
        if (!(decDeg >= -90 && decDeg <= 90)) {
            throw new IllegalArgumentException("dec (" + decDeg + ") must be within [-90, 90]");
        }
    }

    /** Radius in degrees → radians, checked to lie within [0, 180]. */
    static double radius(double rDeg) {
        if (!(rDeg >= 0 && rDeg <= 180)) {
            throw new IllegalArgumentException("radius (" + rDeg + ") must be within [0, 180] degrees");
        }
        return Math.toRadians(rDeg);
    }

    /** RA in degrees normalised to [0, 360). */
    static double normRa(double raDeg) {
        double r = raDeg % 360.0;
        if (r < 0) {
            r += 360.0;
        }
        return r >= 360.0 ? 0.0 : r;
    }

    /** @return {ra, dec} in degrees, ra in [0, 360) */
    static double[] raDec(S2Point p) {
        double ra = Math.toDegrees(Math.atan2(p.getY(), p.getX()));
        double dec = Math.toDegrees(Math.atan2(p.getZ(), Math.hypot(p.getX(), p.getY())));
        return new double[] { normRa(ra), dec };
    }

    static Polygon box(String frame, double ra, double dec, double w, double h) {
        checkRaDec(ra, dec);
        if (!(w > 0 && w < 180)) {
            throw new IllegalArgumentException("box width (" + w + ") must be within (0, 180) degrees");
        }
        if (!(h > 0 && h < 180)) {
            throw new IllegalArgumentException("box height (" + h + ") must be within (0, 180) degrees");
        }
        double lo = dec - h / 2;
        double hi = dec + h / 2;
        if (lo < -90 || hi > 90) {
            throw new IllegalArgumentException("box at dec " + dec + " with height " + h
                                               + " extends beyond a pole");
        }
        double w2 = w / 2;
        return polygon(frame, new double[] { ra - w2, lo, ra + w2, lo, ra + w2, hi, ra - w2, hi });
    }

    /** Polygon from ra/dec pairs in degrees. */
    static Polygon polygon(String frame, double[] coords) {
        if (coords.length % 2 != 0) {
            throw new IllegalArgumentException("polygon needs ra dec pairs, got " + coords.length + " numbers");
        }
        List<S2Point> pts = new ArrayList<>();
        for (int i = 0; i < coords.length; i += 2) {
            S2Point p = vector(coords[i], coords[i + 1]);
            if (pts.isEmpty() || !pts.get(pts.size() - 1).equalsPoint(p)) {
                pts.add(p);
            }
        }
        while (pts.size() > 1 && pts.get(0).equalsPoint(pts.get(pts.size() - 1))) {
            pts.remove(pts.size() - 1);
        }
        if (pts.size() < 3) {
            throw new IllegalArgumentException("polygon needs at least 3 distinct vertices, got "
                                               + pts.size() + " " + describe(coords));
        }
        S2Loop loop = new S2Loop(pts);
        S2Error err = new S2Error();
        if (loop.findValidationError(err)) {
            throw new IllegalArgumentException("invalid polygon " + describe(coords) + ": " + err.text());
        }
        loop.normalize();
        return new Polygon(frame, loop);
    }

    private static String describe(double[] coords) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < coords.length; i++) {
            if (sb.length() > 100) {
                sb.append(" ...");
                break;
            }
            sb.append(i == 0 ? "" : " ").append(coords[i]);
        }
        return sb.append(')').toString();
    }

    // ------------------------------------------------------------ queries

    /** @return whether p lies in this closed region */
    abstract boolean containsPoint(S2Point p);

    /** @return area in steradians */
    abstract double area();

    /** @return a unit vector at the region's centroid */
    abstract S2Point centroid();

    /** @return a cap containing the region: {@code capAxis()} and {@code capRadius()} radians */
    abstract S2Point capAxis();

    abstract double capRadius();

    /** Angle between unit vectors, radians, stable near 0 and pi. */
    static double angle(S2Point a, S2Point b) {
        return a.angle(b);
    }

    /**
     * @return whether a and b share at least one point
     */
    static boolean intersects(SkyRegion a, SkyRegion b) {
        if (a instanceof Union) {
            for (SkyRegion m : ((Union) a).members) {
                if (intersects(m, b)) {
                    return true;
                }
            }
            return false;
        }
        if (b instanceof Union) {
            return intersects(b, a);
        }
        if (a instanceof Point) {
            return b.containsPoint(((Point) a).p);
        }
        if (b instanceof Point) {
            return a.containsPoint(((Point) b).p);
        }
        if (a instanceof Circle && b instanceof Circle) {
            Circle c1 = (Circle) a;
            Circle c2 = (Circle) b;
            return angle(c1.c, c2.c) <= c1.r + c2.r + EPS;
        }
        if (a instanceof Circle) {
            return ((Polygon) b).intersectsCap(((Circle) a).c, ((Circle) a).r);
        }
        if (b instanceof Circle) {
            return ((Polygon) a).intersectsCap(((Circle) b).c, ((Circle) b).r);
        }
        Polygon p1 = (Polygon) a;
        Polygon p2 = (Polygon) b;
        if (angle(p1.axis, p2.axis) > p1.capR + p2.capR + EPS) {
            return false;
        }
        return p1.loop.intersects(p2.loop) || anyVertexIn(p1, p2) || anyVertexIn(p2, p1);
    }

    /**
     * @return whether every point of a lies in b. For a union b, true when a
     *         (or each member of a union a) lies in a single member of b:
     *         conservative when only several members together cover it.
     */
    static boolean contains(SkyRegion a, SkyRegion b) {
        if (a instanceof Union) {
            for (SkyRegion m : ((Union) a).members) {
                if (!contains(m, b)) {
                    return false;
                }
            }
            return true;
        }
        if (b instanceof Union) {
            for (SkyRegion m : ((Union) b).members) {
                if (contains(a, m)) {
                    return true;
                }
            }
            return false;
        }
        if (a instanceof Point) {
            return b.containsPoint(((Point) a).p);
        }
        if (b instanceof Point) {
            S2Point q = ((Point) b).p;
            return a instanceof Circle && ((Circle) a).r <= POINT_EQ && angle(((Circle) a).c, q) <= POINT_EQ;
        }
        if (a instanceof Circle && b instanceof Circle) {
            Circle c1 = (Circle) a;
            Circle c2 = (Circle) b;
            return c2.r >= Math.PI - EPS || angle(c1.c, c2.c) + c1.r <= c2.r + EPS;
        }
        if (a instanceof Circle) {
            Circle c = (Circle) a;
            Polygon p = (Polygon) b;
            return p.containsPoint(c.c) && p.minEdgeDistance(c.c) >= c.r - EPS;
        }
        if (b instanceof Circle) {
            Polygon p = (Polygon) a;
            Circle c = (Circle) b;
            if (c.r >= Math.PI - EPS) {
                return true;
            }
            if (c.r <= Math.PI / 2) {
                // a cap no larger than a hemisphere is convex: vertices suffice
                for (S2Point v : p.vertices) {
                    if (angle(v, c.c) > c.r + EPS) {
                        return false;
                    }
                }
                return true;
            }
            // larger cap: the polygon must avoid the open complementary cap
            S2Point anti = c.c.neg();
            return !p.loop.contains(anti) && p.minEdgeDistance(anti) >= Math.PI - c.r - EPS;
        }
        Polygon p1 = (Polygon) a;
        Polygon p2 = (Polygon) b;
        if (angle(p1.axis, p2.axis) > p1.capR + p2.capR + EPS) {
            return false;
        }
        return p2.loop.contains(p1.loop);
    }

    /** Closed-boundary supplement to S2's semi-open intersection test (touching outlines). */
    private static boolean anyVertexIn(Polygon a, Polygon b) {
        for (S2Point v : a.vertices) {
            if (b.containsPoint(v)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------- shapes

    /** A single position. */
    static final class Point extends SkyRegion {
        final S2Point p;
        /** Degrees as given, ra normalised to [0, 360). */
        final double ra;
        final double dec;

        Point(String frame, double ra, double dec) {
            super(frame);
            this.p = vector(ra, dec);
            this.ra = normRa(ra);
            this.dec = dec;
        }

        @Override
        boolean containsPoint(S2Point q) {
            return angle(p, q) <= POINT_EQ;
        }

        @Override
        double area() {
            return 0;
        }

        @Override
        S2Point centroid() {
            return p;
        }

        @Override
        S2Point capAxis() {
            return p;
        }

        @Override
        double capRadius() {
            return 0;
        }
    }

    /** A cap: centre and angular radius (radians). */
    static final class Circle extends SkyRegion {
        final S2Point c;
        final double r;
        /** Centre in degrees as given, ra normalised to [0, 360). */
        final double ra;
        final double dec;

        Circle(String frame, double ra, double dec, double r) {
            super(frame);
            this.c = vector(ra, dec);
            this.ra = normRa(ra);
            this.dec = dec;
            this.r = r;
        }

        @Override
        boolean containsPoint(S2Point q) {
            return angle(c, q) <= r + EPS;
        }

        @Override
        double area() {
            double s = Math.sin(r / 2);
            return 4 * Math.PI * s * s;
        }

        @Override
        S2Point centroid() {
            return c;
        }

        @Override
        S2Point capAxis() {
            return c;
        }

        @Override
        double capRadius() {
            return r;
        }
    }

    /** A simple polygon with great-circle edges, interior the smaller side. */
    static final class Polygon extends SkyRegion {
        final S2Loop loop;
        final S2Point[] vertices;
        final S2Point axis;
        final double capR;

        Polygon(String frame, S2Loop loop) {
            super(frame);
            this.loop = loop;
            this.vertices = loop.vertices().toArray(new S2Point[0]);
            S2Point sum = new S2Point(0, 0, 0);
            for (S2Point v : vertices) {
                sum = sum.add(v);
            }
            S2Point ax = sum.norm2() > 0 ? sum.normalize() : loop.getCapBound().axis();
            double r = maxBoundaryDistance(ax);
            if (loop.contains(ax.neg())) {
                r = Math.PI;
            }
            // margin for rounding; S2's own bound is an alternative, take the smaller
            r = Math.min(Math.PI, r * (1 + 1e-12) + 1e-13);
            double s2r = loop.getCapBound().angle().radians();
            if (s2r < r) {
                ax = loop.getCapBound().axis();
                r = s2r;
            }
            this.axis = ax;
            this.capR = r;
        }

        /** Exact largest angle from x to a point of the boundary. */
        private double maxBoundaryDistance(S2Point x) {
            double max = 0;
            int n = vertices.length;
            for (int i = 0; i < n; i++) {
                S2Point a = vertices[i];
                S2Point b = vertices[(i + 1) % n];
                max = Math.max(max, angle(x, a));
                // the farthest point of the great circle from x is the nearest to -x
                S2Point nrm = S2Point.crossProd(a, b);
                S2Point anti = x.neg();
                S2Point proj = anti.sub(nrm.mul(anti.dotProd(nrm) / nrm.norm2()));
                if (proj.norm2() > 1e-30
                    && S2Point.scalarTripleProduct(nrm, a, proj) >= 0   // (a x proj) . n >= 0
                    && S2Point.scalarTripleProduct(nrm, proj, b) >= 0) {
                    max = Math.max(max, angle(x, proj.normalize()));
                }
            }
            return max;
        }

        /** Smallest angle from p to the boundary, radians. */
        double minEdgeDistance(S2Point p) {
            double min = Double.POSITIVE_INFINITY;
            int n = vertices.length;
            for (int i = 0; i < n; i++) {
                double d = S2EdgeUtil.getDistance(p, vertices[i], vertices[(i + 1) % n]).radians();
                if (d < min) {
                    min = d;
                }
            }
            return min;
        }

        @Override
        boolean containsPoint(S2Point p) {
            if (angle(p, axis) > capR + EPS) {
                return false;
            }
            return loop.contains(p) || minEdgeDistance(p) <= EPS;
        }

        boolean intersectsCap(S2Point c, double r) {
            double d = angle(c, axis);
            if (d > r + capR + EPS) {
                return false;
            }
            if (d + capR <= r) {
                return true;
            }
            return loop.contains(c) || minEdgeDistance(c) <= r + EPS;
        }

        @Override
        double area() {
            return loop.getArea();
        }

        @Override
        S2Point centroid() {
            S2Point c = loop.getCentroid();
            return c.norm2() > 0 ? c.normalize() : axis;
        }

        @Override
        S2Point capAxis() {
            return axis;
        }

        @Override
        double capRadius() {
            return capR;
        }
    }

    /** Several regions; a point is inside if it is inside any member. */
    static final class Union extends SkyRegion {
        final List<SkyRegion> members;
        final S2Point axis;
        final double capR;

        Union(String frame, List<SkyRegion> members) {
            super(frame);
            this.members = Collections.unmodifiableList(new ArrayList<>(members));
            S2Point sum = new S2Point(0, 0, 0);
            for (SkyRegion m : members) {
                sum = sum.add(m.capAxis());
            }
            S2Point ax = sum.norm2() > 1e-30 ? sum.normalize() : members.get(0).capAxis();
            double r = 0;
            for (SkyRegion m : members) {
                r = Math.max(r, angle(ax, m.capAxis()) + m.capRadius());
            }
            this.axis = ax;
            this.capR = Math.min(Math.PI, r * (1 + 1e-12) + 1e-13);
        }

        @Override
        boolean containsPoint(S2Point p) {
            for (SkyRegion m : members) {
                if (m.containsPoint(p)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Exact (overlaps counted once) when all members are polygons; otherwise
         * the sum of member areas, which counts overlaps twice.
         */
        @Override
        double area() {
            List<S2Polygon> polys = new ArrayList<>();
            double sum = 0;
            for (SkyRegion m : members) {
                sum += m.area();
                if (m instanceof Polygon) {
                    polys.add(new S2Polygon(new S2Loop(((Polygon) m).loop)));
                }
            }
            if (polys.size() == members.size() && polys.size() > 1) {
                return S2Polygon.union(polys).getArea();
            }
            return sum;
        }

        /** Area-weighted mean of member centroids (points weigh nothing unless all are points). */
        @Override
        S2Point centroid() {
            S2Point sum = new S2Point(0, 0, 0);
            S2Point plain = new S2Point(0, 0, 0);
            for (SkyRegion m : members) {
                sum = sum.add(m.centroid().mul(m.area()));
                plain = plain.add(m.centroid());
            }
            if (sum.norm2() > 1e-30) {
                return sum.normalize();
            }
            return plain.norm2() > 1e-30 ? plain.normalize() : axis;
        }

        @Override
        S2Point capAxis() {
            return axis;
        }

        @Override
        double capRadius() {
            return capR;
        }
    }
}
