package org.isosamp.local.geom;

/**
 * The local archive's spatial index: declination zones.
 *
 * <p>Every row of a table with a footprint or position gets a hidden indexed
 * column {@code "_zone"}: the zone of its <em>anchor</em> (the centre of its
 * footprint's bounding cap, or its position when it has no footprint). Each
 * table also has a <em>reach</em>: the largest angle from any row's anchor to
 * any point of that row's footprint or to its position. A row can then only
 * meet a circle of radius {@code r} around {@code (ra, dec)} if its zone lies
 * in {@code zoneRange(dec, r + reach)}, which H2 answers from a B-tree index;
 * the exact spherical predicate then runs on those candidates only.
 *
 * <p>Zones are bands of constant height in declination, so the prefilter is
 * exact about RA wrap and conservative (never loses a row) at the poles.
 * Thread-safe (stateless).
 */
public final class SkyIndex {

    /** Height of one zone, degrees. */
    public static final double ZONE_HEIGHT_DEG = 0.1;

    /** Highest zone number (the band touching dec = +90). */
    public static final int MAX_ZONE = (int) Math.ceil(180.0 / ZONE_HEIGHT_DEG) - 1;

    private SkyIndex() {
    }

    /**
     * @param decDeg declination in degrees, [-90, 90] (clamped)
     * @return the zone number, 0 (south pole) to {@link #MAX_ZONE}
     */
    public static int zone(double decDeg) {
        if (Double.isNaN(decDeg)) {
            throw new IllegalArgumentException("declination is NaN");
        }
        double d = Math.max(-90.0, Math.min(90.0, decDeg));
        int z = (int) Math.floor((d + 90.0) / ZONE_HEIGHT_DEG);
        return Math.min(z, MAX_ZONE);
    }

    /**
     * The zones a cap can touch.
     *
     * @param decDeg    declination of the cap centre, degrees
     * @param radiusDeg cap radius, degrees (non-negative)
     * @return {@code {lowest, highest}} zone, inclusive
     */
    public static int[] zoneRange(double decDeg, double radiusDeg) {
        if (!(radiusDeg >= 0)) {
            throw new IllegalArgumentException("radius (" + radiusDeg + ") must be non-negative");
        }
        return new int[] { zone(decDeg - radiusDeg), zone(decDeg + radiusDeg) };
    }
}
