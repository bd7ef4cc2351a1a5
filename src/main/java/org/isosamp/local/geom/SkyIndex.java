package org.isosamp.local.geom;

/**
 * Declination-zone spatial index. SKELETON: the geometry work replaces this file.
 */
public final class SkyIndex {
    public static final double ZONE_HEIGHT_DEG = 0.1;
    private SkyIndex() { }
    public static int zone(double decDeg) { throw new UnsupportedOperationException(); }
    public static int[] zoneRange(double decDeg, double radiusDeg) { throw new UnsupportedOperationException(); }
}
