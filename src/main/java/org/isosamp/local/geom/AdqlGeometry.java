package org.isosamp.local.geom;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * ADQL geometry functions, registered in H2 as Java aliases with the
 * {@code adql_} prefix ({@code adql_point}, {@code adql_circle}, ...).
 * Geometry values travel through SQL as STC-S strings
 * ({@code Circle ICRS 10.6847 41.26875 0.0833}); see {@link SkyRegion} for the
 * accepted text. All angles are in degrees.
 *
 * <p>Usage:
 * <pre>
 *   AdqlGeometry.register(connection);
 *   SELECT obsid FROM ida.observations
 *    WHERE adql_intersects(adql_circle('ICRS', 10.68, 41.27, 0.083), s_region_fov) = 1
 * </pre>
 *
 * <p>Semantics: regions are closed (a point on a boundary is inside, within
 * about 6e-11 degrees). CONTAINS(a, b) is 1 when a lies in b; INTERSECTS is
 * symmetric, and with a point it is CONTAINS. Two points are equal within
 * 1e-9 degrees. For a union, INTERSECTS is exact (any member), while
 * CONTAINS(x, union) is conservative: it is 1 only when x lies in a single
 * member. BOX(frame, ra, dec, w, h) is the great-circle quadrilateral with
 * corners (ra &plusmn; w/2, dec &plusmn; h/2) (the CDS pgSphere reading of the
 * loose ADQL 2.0 text; the width is not divided by cos dec), so its top and
 * bottom edges are arcs, not parallels. AREA is in square degrees, CENTROID
 * is the area centroid of a polygon and the centre of a circle.
 *
 * <p>Frames 'ICRS', 'FK5', 'J2000', 'UNKNOWNFrame' and '' (or NULL) are all
 * taken as ICRS, optionally followed by STC reference-position and flavour
 * words ('ICRS GEOCENTER', which are dropped from the result), which the others match to well under an arcsecond; any other
 * frame is rejected. RA is normalised to [0, 360); a declination outside
 * [-90, 90] or a radius outside [0, 180] is rejected with an
 * {@link IllegalArgumentException} naming the value, which H2 reports as a
 * query error.
 *
 * <p>A NULL region in gives NULL out, hence the boxed return types. Parsed
 * regions are cached (bounded), so a constant query region and repeated row
 * values are parsed once. Thread-safe (stateless apart from that concurrent
 * cache).
 */
public final class AdqlGeometry {

    /** SQL alias names (lower case) and the methods they call, for {@link #register}. */
    private static final String[][] ALIASES = {
        { "adql_point", "point" },
        { "adql_circle", "circle" },
        { "adql_box", "box" },
        { "adql_polygon", "polygon" },
        { "adql_contains", "contains" },
        { "adql_intersects", "intersects" },
        { "adql_distance", "distance" },
        { "adql_coord1", "coord1" },
        { "adql_coord2", "coord2" },
        { "adql_coordsys", "coordsys" },
        { "adql_area", "area" },
        { "adql_centroid", "centroid" },
    };

    private static final double SR_TO_DEG2 = Math.pow(180 / Math.PI, 2);

    private AdqlGeometry() {
    }

    /**
     * Declares every {@code adql_*} function on a connection, as
     * {@code CREATE ALIAS IF NOT EXISTS adql_point DETERMINISTIC FOR
     * "org.isosamp.local.geom.AdqlGeometry.point"} and so on. Both
     * {@code distance} overloads are reachable through {@code adql_distance}
     * (H2 picks by argument count).
     *
     * @param c an open H2 connection
     * @throws SQLException if H2 rejects a declaration
     */
    public static void register(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String[] a : ALIASES) {
                st.execute("CREATE ALIAS IF NOT EXISTS " + a[0] + " DETERMINISTIC FOR \""
                           + AdqlGeometry.class.getName() + "." + a[1] + "\"");
            }
        }
    }

    // --------------------------------------------------------- constructors

    /**
     * ADQL POINT.
     *
     * @param frame coordinate frame (see class doc)
     * @param ra    right ascension, degrees (normalised to [0, 360))
     * @param dec   declination, degrees, within [-90, 90]
     * @return {@code Position <frame> ra dec}
     * @throws IllegalArgumentException for an unsupported frame or bad dec
     */
    public static String point(String frame, double ra, double dec) {
        String f = frame(frame);
        SkyRegion.checkRaDec(ra, dec);
        return "Position " + f + " " + fmt(SkyRegion.normRa(ra)) + " " + fmt(dec);
    }

    /**
     * ADQL CIRCLE.
     *
     * @param frame  coordinate frame
     * @param ra     centre right ascension, degrees
     * @param dec    centre declination, degrees
     * @param radius radius, degrees, within [0, 180]
     * @return {@code Circle <frame> ra dec radius}
     * @throws IllegalArgumentException for an unsupported frame, bad dec or radius
     */
    public static String circle(String frame, double ra, double dec, double radius) {
        String f = frame(frame);
        SkyRegion.checkRaDec(ra, dec);
        SkyRegion.radius(radius);
        return "Circle " + f + " " + fmt(SkyRegion.normRa(ra)) + " " + fmt(dec) + " " + fmt(radius);
    }

    /**
     * ADQL BOX: the great-circle quadrilateral with corners
     * (ra &plusmn; width/2, dec &plusmn; height/2).
     *
     * @param frame  coordinate frame
     * @param ra     centre right ascension, degrees
     * @param dec    centre declination, degrees
     * @param width  full width in RA, degrees, within (0, 180)
     * @param height full height in dec, degrees, within (0, 180), not crossing a pole
     * @return {@code Box <frame> ra dec width height}
     * @throws IllegalArgumentException for an unsupported frame or bad numbers
     */
    public static String box(String frame, double ra, double dec, double width, double height) {
        String f = frame(frame);
        SkyRegion.box(f, ra, dec, width, height); // validates
        return "Box " + f + " " + fmt(SkyRegion.normRa(ra)) + " " + fmt(dec) + " " + fmt(width) + " "
            + fmt(height);
    }

    /**
     * ADQL POLYGON with great-circle edges; either winding gives the smaller region.
     *
     * @param frame  coordinate frame
     * @param coords ra, dec pairs in degrees, at least three distinct vertices
     * @return {@code Polygon <frame> ra1 dec1 ra2 dec2 ...}
     * @throws IllegalArgumentException for an unsupported frame, an odd number
     *         of coordinates, fewer than 3 distinct vertices or crossing edges
     */
    public static String polygon(String frame, double... coords) {
        String f = frame(frame);
        if (coords == null) {
            return null;
        }
        SkyRegion.polygon(f, coords); // validates
        StringBuilder sb = new StringBuilder("Polygon ").append(f);
        for (int i = 0; i < coords.length; i++) {
            sb.append(' ').append(fmt(i % 2 == 0 ? SkyRegion.normRa(coords[i]) : coords[i]));
        }
        return sb.toString();
    }

    // ----------------------------------------------------------- predicates

    /**
     * ADQL CONTAINS.
     *
     * @param a STC-S region
     * @param b STC-S region
     * @return 1 if a lies within b, else 0; NULL if either is NULL
     * @throws IllegalArgumentException if either text is malformed
     */
    public static Integer contains(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        return SkyRegion.contains(SkyRegion.parse(a), SkyRegion.parse(b)) ? 1 : 0;
    }

    /**
     * ADQL INTERSECTS.
     *
     * @param a STC-S region
     * @param b STC-S region
     * @return 1 if a and b share a point, else 0; NULL if either is NULL
     * @throws IllegalArgumentException if either text is malformed
     */
    public static Integer intersects(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        return SkyRegion.intersects(SkyRegion.parse(a), SkyRegion.parse(b)) ? 1 : 0;
    }

    /**
     * ADQL DISTANCE between two points.
     *
     * @param p1 STC-S Position
     * @param p2 STC-S Position
     * @return great-circle distance, degrees; NULL if either is NULL
     * @throws IllegalArgumentException if either is not a point
     */
    public static Double distance(String p1, String p2) {
        if (p1 == null || p2 == null) {
            return null;
        }
        return Math.toDegrees(SkyRegion.angle(pointOf(p1, "DISTANCE").p, pointOf(p2, "DISTANCE").p));
    }

    /**
     * ADQL DISTANCE in its ADQL 2.1 four-number form.
     *
     * @return great-circle distance, degrees
     * @throws IllegalArgumentException for a dec outside [-90, 90]
     */
    public static double distance(double ra1, double dec1, double ra2, double dec2) {
        return angularDistanceDeg(ra1, dec1, ra2, dec2);
    }

    /**
     * Great-circle distance, computed as atan2(|a&times;b|, a&middot;b) on unit
     * vectors (accurate near 0 and 180 degrees).
     *
     * @param ra1  degrees
     * @param dec1 degrees, within [-90, 90]
     * @param ra2  degrees
     * @param dec2 degrees, within [-90, 90]
     * @return distance, degrees, within [0, 180]
     * @throws IllegalArgumentException for a dec outside [-90, 90] or non-finite ra
     */
    public static double angularDistanceDeg(double ra1, double dec1, double ra2, double dec2) {
        return Math.toDegrees(SkyRegion.angle(SkyRegion.vector(ra1, dec1), SkyRegion.vector(ra2, dec2)));
    }

    // ------------------------------------------------------------ accessors

    /**
     * ADQL COORD1.
     *
     * @param point STC-S Position
     * @return its right ascension, degrees in [0, 360); NULL for NULL
     * @throws IllegalArgumentException if it is not a point
     */
    public static Double coord1(String point) {
        return point == null ? null : pointOf(point, "COORD1").ra;
    }

    /**
     * ADQL COORD2.
     *
     * @param point STC-S Position
     * @return its declination, degrees; NULL for NULL
     * @throws IllegalArgumentException if it is not a point
     */
    public static Double coord2(String point) {
        return point == null ? null : pointOf(point, "COORD2").dec;
    }

    /**
     * ADQL COORDSYS.
     *
     * @param geom STC-S region
     * @return its frame ("ICRS", "FK5", "J2000", "UNKNOWNFrame", or "" if the
     *         text names none); NULL for NULL
     */
    public static String coordsys(String geom) {
        return geom == null ? null : SkyRegion.parse(geom).frame();
    }

    /**
     * ADQL AREA. For a union of polygons overlaps are counted once; a union
     * involving circles sums its members.
     *
     * @param region STC-S region
     * @return area in square degrees (0 for a point); NULL for NULL
     */
    public static Double area(String region) {
        return region == null ? null : SkyRegion.parse(region).area() * SR_TO_DEG2;
    }

    /**
     * ADQL CENTROID.
     *
     * @param region STC-S region
     * @return {@code Position <frame> ra dec}; NULL for NULL
     */
    public static String centroid(String region) {
        if (region == null) {
            return null;
        }
        SkyRegion r = SkyRegion.parse(region);
        double[] rd;
        if (r instanceof SkyRegion.Point) {
            rd = new double[] { ((SkyRegion.Point) r).ra, ((SkyRegion.Point) r).dec };
        } else if (r instanceof SkyRegion.Circle) {
            rd = new double[] { ((SkyRegion.Circle) r).ra, ((SkyRegion.Circle) r).dec };
        } else {
            rd = SkyRegion.raDec(r.centroid());
        }
        String f = r.frame().isEmpty() ? "UNKNOWNFrame" : r.frame();
        return "Position " + f + " " + fmt(rd[0]) + " " + fmt(rd[1]);
    }

    /**
     * A cap enclosing the whole region, for the spatial index: every point of
     * the region lies within {@code radius} of the centre (edge arcs bulging
     * poleward included).
     *
     * @param stcs STC-S region
     * @return {@code {raDeg, decDeg, radiusDeg}}
     * @throws IllegalArgumentException if the text is malformed
     */
    public static double[] boundingCap(String stcs) {
        SkyRegion r = SkyRegion.parse(stcs);
        double[] rd = SkyRegion.raDec(r.capAxis());
        return new double[] { rd[0], rd[1], Math.toDegrees(r.capRadius()) };
    }

    // ------------------------------------------------------------- helpers

    private static SkyRegion.Point pointOf(String stcs, String function) {
        SkyRegion r = SkyRegion.parse(stcs);
        if (!(r instanceof SkyRegion.Point)) {
            throw new IllegalArgumentException(function + " needs a point, not " + SkyRegion.quote(stcs));
        }
        return (SkyRegion.Point) r;
    }

    /** Canonical STC-S frame token for an ADQL frame argument. */
    static String frame(String frame) {
        String t = frame == null ? "" : frame.trim().toUpperCase(Locale.ROOT);
        String[] words = t.isEmpty() ? new String[] { "" } : t.split("\\s+");
        for (int i = 1; i < words.length; i++) {
            if (!StcsParser.REFPOS_OR_FLAVOUR.contains(words[i])) {
                throw unsupported(frame);
            }
        }
        String f = words[0];
        switch (f) {
            case "ICRS":
            case "FK5":
            case "J2000":
                return f;
            case "":
            case "UNKNOWNFRAME":
                return "UNKNOWNFrame";
            default:
                throw unsupported(frame);
        }
    }

    private static IllegalArgumentException unsupported(String frame) {
        return new IllegalArgumentException("frame '" + frame
            + "' is not supported (use 'ICRS', 'FK5', 'J2000' or '')");
    }

    /** Shortest round-tripping decimal, never in exponent notation. */
    static String fmt(double d) {
        if (d == 0) {
            return "0";
        }
        String s = BigDecimal.valueOf(d).toPlainString();
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s;
    }
}
