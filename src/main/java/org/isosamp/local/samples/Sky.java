package org.isosamp.local.samples;

/**
 * Small spherical-geometry and formatting helpers for the sample generators:
 * footprints built in the tangent plane (gnomonic), so RA wrap and poles need
 * no special cases, and allocation-light number/time formatting.
 */
final class Sky {

    static final double D2R = Math.PI / 180.0;
    static final double R2D = 180.0 / Math.PI;

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L, 10_000_000_000L,
    };

    private Sky() {
    }

    /** A footprint polygon: vertex coordinates in degrees, counter-clockwise on the sky. */
    static final class Poly {
        final double[] ra;
        final double[] dec;

        Poly(int n) {
            ra = new double[n];
            dec = new double[n];
        }

        int size() {
            return ra.length;
        }
    }

    static double[] vec(double raDeg, double decDeg) {
        double a = raDeg * D2R;
        double d = decDeg * D2R;
        double cd = Math.cos(d);
        return new double[] { cd * Math.cos(a), cd * Math.sin(a), Math.sin(d) };
    }

    /** Angular separation in degrees (atan2 form, stable for small angles). */
    static double sep(double ra1, double dec1, double ra2, double dec2) {
        double[] a = vec(ra1, dec1);
        double[] b = vec(ra2, dec2);
        return angle(a, b) * R2D;
    }

    static double angle(double[] a, double[] b) {
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
    }

    /**
     * Builds a polygon from tangent-plane offsets around a centre.
     *
     * @param raDeg   centre right ascension, degrees
     * @param decDeg  centre declination, degrees
     * @param xiDeg   offsets towards increasing RA (east), degrees, counter-clockwise order
     * @param etaDeg  offsets towards north, degrees
     * @param rollDeg rotation of the shape (position angle), degrees
     */
    static Poly polygon(double raDeg, double decDeg, double[] xiDeg, double[] etaDeg, double rollDeg) {
        double a = raDeg * D2R;
        double d = decDeg * D2R;
        double sa = Math.sin(a), ca = Math.cos(a), sd = Math.sin(d), cd = Math.cos(d);
        // centre, east and north unit vectors
        double cx = cd * ca, cy = cd * sa, cz = sd;
        double ex = -sa, ey = ca, ez = 0;
        double nx = -sd * ca, ny = -sd * sa, nz = cd;
        double r = rollDeg * D2R;
        double cr = Math.cos(r), sr = Math.sin(r);
        int n = xiDeg.length;
        Poly p = new Poly(n);
        for (int i = 0; i < n; i++) {
            double x0 = xiDeg[i] * D2R, y0 = etaDeg[i] * D2R;
            double x = x0 * cr - y0 * sr;
            double y = x0 * sr + y0 * cr;
            double vx = cx + x * ex + y * nx;
            double vy = cy + x * ey + y * ny;
            double vz = cz + x * ez + y * nz;
            double norm = Math.sqrt(vx * vx + vy * vy + vz * vz);
            vx /= norm;
            vy /= norm;
            vz /= norm;
            double ra = Math.atan2(vy, vx) * R2D;
            if (ra < 0) {
                ra += 360.0;
            }
            p.ra[i] = ra;
            p.dec[i] = Math.asin(Math.max(-1.0, Math.min(1.0, vz))) * R2D;
        }
        return p;
    }

    /** The point at tangent-plane offsets (degrees) from a centre: {ra, dec} in degrees. */
    static double[] offset(double raDeg, double decDeg, double xiDeg, double etaDeg) {
        Poly p = polygon(raDeg, decDeg, new double[] { xiDeg }, new double[] { etaDeg }, 0);
        return new double[] { p.ra[0], p.dec[0] };
    }

    /** Rectangle of width w (along the rolled east axis) and height h, degrees. */
    static Poly rect(double raDeg, double decDeg, double w, double h, double rollDeg) {
        double hw = w / 2, hh = h / 2;
        return polygon(raDeg, decDeg, new double[] { -hw, hw, hw, -hw },
                       new double[] { -hh, -hh, hh, hh }, rollDeg);
    }

    private static final int CIRCLE_N = 12;
    private static final double[] CIRCLE_COS = new double[CIRCLE_N];
    private static final double[] CIRCLE_SIN = new double[CIRCLE_N];

    static {
        for (int i = 0; i < CIRCLE_N; i++) {
            CIRCLE_COS[i] = Math.cos(2 * Math.PI * i / CIRCLE_N);
            CIRCLE_SIN[i] = Math.sin(2 * Math.PI * i / CIRCLE_N);
        }
    }

    /** A circle of the given radius (degrees) as a 12-vertex polygon circumscribing it. */
    static Poly circle(double raDeg, double decDeg, double radiusDeg) {
        double rr = radiusDeg / Math.cos(Math.PI / CIRCLE_N);
        double[] xi = new double[CIRCLE_N];
        double[] eta = new double[CIRCLE_N];
        for (int i = 0; i < CIRCLE_N; i++) {
            xi[i] = rr * CIRCLE_COS[i];
            eta[i] = rr * CIRCLE_SIN[i];
        }
        return polygon(raDeg, decDeg, xi, eta, 0);
    }

    /** @return the STC-S string {@code Polygon ICRS ra dec ...} with 5 decimals. */
    static String stcs(Poly p) {
        StringBuilder sb = new StringBuilder(16 + p.size() * 22);
        sb.append("Polygon ICRS");
        for (int i = 0; i < p.size(); i++) {
            sb.append(' ');
            appendRa(sb, p.ra[i], 5);
            sb.append(' ');
            appendFixed(sb, p.dec[i], 5);
        }
        return sb.toString();
    }

    /** @return the polygon as pgSphere text in radians, {@code {(a , b),(c , d),...}} (ESASky style). */
    static String pgsphere(Poly p) {
        StringBuilder sb = new StringBuilder(4 + p.size() * 24);
        sb.append('{');
        for (int i = 0; i < p.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('(');
            appendFixed(sb, p.ra[i] * D2R, 7);
            sb.append(" , ");
            appendFixed(sb, p.dec[i] * D2R, 7);
            sb.append(')');
        }
        return sb.append('}').toString();
    }

    /** Largest angular distance (degrees) from the centre to a vertex. */
    static double radius(Poly p, double raDeg, double decDeg) {
        double[] c = vec(raDeg, decDeg);
        double m = 0;
        for (int i = 0; i < p.size(); i++) {
            m = Math.max(m, angle(c, vec(p.ra[i], p.dec[i])));
        }
        return m * R2D;
    }

    /**
     * Smallest angular distance (degrees) from a point to a convex CCW polygon:
     * 0 when inside, otherwise the distance to the nearest edge (great-circle arcs).
     */
    static double distance(Poly p, double raDeg, double decDeg) {
        double[] c = vec(raDeg, decDeg);
        int n = p.size();
        double[][] v = new double[n][];
        for (int i = 0; i < n; i++) {
            v[i] = vec(p.ra[i], p.dec[i]);
        }
        boolean inside = true;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double[] a = v[i];
            double[] b = v[(i + 1) % n];
            double[] nn = cross(a, b);
            double len = Math.sqrt(dot(nn, nn));
            nn[0] /= len;
            nn[1] /= len;
            nn[2] /= len;
            double s = dot(nn, c);
            if (s < 0) {
                inside = false;
            }
            double[] q = { c[0] - s * nn[0], c[1] - s * nn[1], c[2] - s * nn[2] };
            double d;
            if (dot(cross(a, q), nn) >= 0 && dot(cross(q, b), nn) >= 0) {
                d = Math.abs(Math.asin(Math.max(-1, Math.min(1, s))));
            } else {
                d = Math.min(angle(c, a), angle(c, b));
            }
            best = Math.min(best, d);
        }
        return inside ? 0 : best * R2D;
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {
            a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** Rounds to {@code decimals} decimal places (for clean CSV numbers). */
    static double round(double x, int decimals) {
        double s = POW10[decimals];
        return Math.round(x * s) / s;
    }

    /** Appends x with exactly {@code decimals} decimals, no exponent, no allocation. */
    static void appendFixed(StringBuilder sb, double x, int decimals) {
        long scale = POW10[decimals];
        long v = Math.round(x * scale);
        appendScaled(sb, v, decimals);
    }

    /** Like {@link #appendFixed} but wraps a value rounding up to 360 back to 0. */
    static void appendRa(StringBuilder sb, double ra, int decimals) {
        long scale = POW10[decimals];
        long v = Math.round(ra * scale);
        long full = 360L * scale;
        if (v >= full) {
            v -= full;
        } else if (v < 0) {
            v += full;
        }
        appendScaled(sb, v, decimals);
    }

    private static void appendScaled(StringBuilder sb, long v, int decimals) {
        long scale = POW10[decimals];
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        sb.append(v / scale);
        if (decimals > 0) {
            sb.append('.');
            long frac = v % scale;
            for (long p = scale / 10; p > frac && p > 1; p /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }

    static void pad(StringBuilder sb, long v, int width) {
        for (int d = width - 1; d >= 0; d--) {
            sb.append((char) ('0' + (v / POW10[d]) % 10));
        }
    }

    /** @return ISO-8601 {@code yyyy-MM-ddTHH:mm:ss} (UTC) for epoch seconds. */
    static String timestamp(long epochSec) {
        long days = Math.floorDiv(epochSec, 86400L);
        long sod = Math.floorMod(epochSec, 86400L);
        // civil-from-days (H. Hinnant)
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        StringBuilder sb = new StringBuilder(19);
        pad(sb, y, 4);
        sb.append('-');
        pad(sb, m, 2);
        sb.append('-');
        pad(sb, d, 2);
        sb.append('T');
        pad(sb, sod / 3600, 2);
        sb.append(':');
        pad(sb, (sod / 60) % 60, 2);
        sb.append(':');
        pad(sb, sod % 60, 2);
        return sb.toString();
    }

    /** A J2000-style designation from a position, {@code Jhhmmss.s+ddmmss}. */
    static String jname(String prefix, double raDeg, double decDeg) {
        StringBuilder sb = new StringBuilder(prefix.length() + 17);
        sb.append(prefix).append('J');
        long t = (long) Math.floor(raDeg / 15.0 * 36000.0); // tenths of seconds of time
        t = Math.floorMod(t, 864000L);
        pad(sb, t / 36000, 2);
        pad(sb, (t / 600) % 60, 2);
        pad(sb, (t / 10) % 60, 2);
        sb.append('.').append((char) ('0' + t % 10));
        sb.append(decDeg < 0 ? '-' : '+');
        long a = (long) Math.floor(Math.abs(decDeg) * 3600.0);
        pad(sb, a / 3600, 2);
        pad(sb, (a / 60) % 60, 2);
        pad(sb, a % 60, 2);
        return sb.toString();
    }
}
