package org.isosamp.testing;

/**
 * The tests' own great-circle distance (haversine), independent of the main code's S2 geometry, so that a test
 * checking a cone search or a region never checks the code with itself.
 */
public final class SkyDistance {
    private SkyDistance() {
    }

    /**
     * @return the angle between (ra1, dec1) and (ra2, dec2), all in degrees
     */
    public static double degrees(double ra1, double dec1, double ra2, double dec2) {
        double p1 = Math.toRadians(dec1);
        double p2 = Math.toRadians(dec2);
        double sdp = Math.sin((p2 - p1) / 2);
        double sdl = Math.sin(Math.toRadians(ra2 - ra1) / 2);
        double h = sdp * sdp + Math.cos(p1) * Math.cos(p2) * sdl * sdl;
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }
}
