package org.isosamp.local.geom;

/**
 * ADQL geometry functions, registered in H2 as Java aliases with the
 * {@code adql_} prefix ({@code adql_point}, {@code adql_circle}, ...).
 * Geometry values travel through SQL as STC-S strings.
 * SKELETON: the geometry work replaces this file.
 */
public final class AdqlGeometry {
    private AdqlGeometry() { }

    public static String point(String frame, double ra, double dec) { throw new UnsupportedOperationException(); }
    public static String circle(String frame, double ra, double dec, double radius) { throw new UnsupportedOperationException(); }
    public static String box(String frame, double ra, double dec, double width, double height) { throw new UnsupportedOperationException(); }
    public static String polygon(String frame, double... coords) { throw new UnsupportedOperationException(); }
    public static int contains(String a, String b) { throw new UnsupportedOperationException(); }
    public static int intersects(String a, String b) { throw new UnsupportedOperationException(); }
    public static double distance(String p1, String p2) { throw new UnsupportedOperationException(); }
    public static double distance(double ra1, double dec1, double ra2, double dec2) { throw new UnsupportedOperationException(); }
    public static double coord1(String point) { throw new UnsupportedOperationException(); }
    public static double coord2(String point) { throw new UnsupportedOperationException(); }
    public static String coordsys(String geom) { throw new UnsupportedOperationException(); }
    public static double area(String region) { throw new UnsupportedOperationException(); }
    public static String centroid(String region) { throw new UnsupportedOperationException(); }
    public static double angularDistanceDeg(double ra1, double dec1, double ra2, double dec2) { throw new UnsupportedOperationException(); }
    public static double[] boundingCap(String stcs) { throw new UnsupportedOperationException(); }
    public static void register(java.sql.Connection c) throws java.sql.SQLException { throw new UnsupportedOperationException(); }
}
