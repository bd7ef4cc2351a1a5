package org.isosamp.local.geom;

import org.isosamp.testing.SkyDistance;
import java.util.Random;

/**
 * Independent brute-force spherical maths for the property tests: plain
 * double[3] vectors and haversine, no S2 and nothing from the main code.
 * Degrees in and out unless stated.
 */
final class Sphere {

    private Sphere() {
    }

    static double[] vec(double ra, double dec) {
        double a = Math.toRadians(ra);
        double d = Math.toRadians(dec);
        return new double[] { Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d) };
    }

    static double[] raDec(double[] v) {
        double ra = Math.toDegrees(Math.atan2(v[1], v[0]));
        if (ra < 0) {
            ra += 360;
        }
        if (ra >= 360) {
            ra = 0;
        }
        return new double[] { ra, Math.toDegrees(Math.atan2(v[2], Math.hypot(v[0], v[1]))) };
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] unit(double[] a) {
        double n = norm(a);
        return new double[] { a[0] / n, a[1] / n, a[2] / n };
    }

    /** Haversine distance, degrees. */
    static double hav(double ra1, double dec1, double ra2, double dec2) {
        return SkyDistance.degrees(ra1, dec1, ra2, dec2);
    }

    static double hav(double[] a, double[] b) {
        return hav(a[0], a[1], b[0], b[1]);
    }

    /** The point at distance dist along bearing (east of north) from (ra, dec); ra normalised. */
    static double[] dest(double ra, double dec, double bearing, double dist) {
        double a = Math.toRadians(ra);
        double d = Math.toRadians(dec);
        double b = Math.toRadians(bearing);
        double r = Math.toRadians(dist);
        double[] u = vec(ra, dec);
        double[] north = { -Math.sin(d) * Math.cos(a), -Math.sin(d) * Math.sin(a), Math.cos(d) };
        double[] east = { -Math.sin(a), Math.cos(a), 0 };
        double cr = Math.cos(r);
        double sr = Math.sin(r);
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            out[i] = cr * u[i] + sr * (Math.cos(b) * north[i] + Math.sin(b) * east[i]);
        }
        return raDec(out);
    }

    static double norm360(double ra) {
        double r = ra % 360;
        if (r < 0) {
            r += 360;
        }
        return r >= 360 ? 0 : r;
    }

    /** Spherical interpolation between (ra, dec) pairs a and b at fraction t, as (ra, dec). */
    static double[] slerp(double[] a, double[] b, double t) {
        double[] u = vec(a[0], a[1]);
        double[] v = vec(b[0], b[1]);
        double om = Math.atan2(norm(cross(u, v)), dot(u, v));
        double s = Math.sin(om);
        double f1 = Math.sin((1 - t) * om) / s;
        double f2 = Math.sin(t * om) / s;
        return raDec(new double[] { f1 * u[0] + f2 * v[0], f1 * u[1] + f2 * v[1], f1 * u[2] + f2 * v[2] });
    }

    /** Random centre: a fifth near each pole, a fifth straddling RA 0/360, the rest uniform. */
    static double[] centre(Random rnd) {
        int kind = rnd.nextInt(5);
        if (kind == 0) {
            return new double[] { rnd.nextDouble() * 360, 89.9 + rnd.nextDouble() * 0.1 };
        }
        if (kind == 1) {
            return new double[] { rnd.nextDouble() * 360, -89.9 - rnd.nextDouble() * 0.1 };
        }
        if (kind == 2) {
            return new double[] { norm360((rnd.nextDouble() - 0.5) * 1e-3), (rnd.nextDouble() - 0.5) * 170 };
        }
        return new double[] { rnd.nextDouble() * 360, Math.toDegrees(Math.asin(2 * rnd.nextDouble() - 1)) };
    }

    /** Log-uniform in [lo, hi]. */
    static double logUniform(Random rnd, double lo, double hi) {
        return lo * Math.pow(hi / lo, rnd.nextDouble());
    }

    /** Random radius: a third tiny (1e-6..1e-4), a third up to 1, a third up to 90 degrees. */
    static double radius(Random rnd) {
        switch (rnd.nextInt(3)) {
            case 0: return logUniform(rnd, 1e-6, 1e-4);
            case 1: return logUniform(rnd, 1e-4, 1);
            default: return logUniform(rnd, 1, 90);
        }
    }

    /**
     * A polygon star-shaped about m: k vertices at sorted random bearings (gaps
     * under 150 degrees), at distances size * [minFrac, 1]. As {ra, dec} pairs, counter-clockwise
     * or clockwise at random.
     */
    static double[][] starPolygon(Random rnd, double[] m, double size, double minFrac) {
        while (true) {
            int k = 3 + rnd.nextInt(6);
            double[] b = new double[k];
            for (int i = 0; i < k; i++) {
                b[i] = rnd.nextDouble() * 360;
            }
            java.util.Arrays.sort(b);
            boolean ok = true;
            for (int i = 0; i < k; i++) {
                double gap = (i + 1 < k ? b[i + 1] : b[0] + 360) - b[i];
                if (gap > 150 || gap < 1) {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            double[][] v = new double[k][];
            for (int i = 0; i < k; i++) {
                double frac = minFrac + (1 - minFrac) * rnd.nextDouble();
                v[i] = dest(m[0], m[1], b[i], size * frac);
            }
            if (rnd.nextBoolean()) {
                java.util.Collections.reverse(java.util.Arrays.asList(v));
            }
            return v;
        }
    }

    static double[][] reversed(double[][] v) {
        double[][] r = v.clone();
        java.util.Collections.reverse(java.util.Arrays.asList(r));
        return r;
    }

    static double[] flat(double[][] v) {
        double[] f = new double[v.length * 2];
        for (int i = 0; i < v.length; i++) {
            f[2 * i] = v[i][0];
            f[2 * i + 1] = v[i][1];
        }
        return f;
    }

    /**
     * Signed sine of the angular distance of p from the great circle through a, b
     * (positive to the left of a→b).
     */
    static double side(double[] a, double[] b, double[] p) {
        // (u - v) x (u + v) = 2 u x v, accurate for nearby u, v
        double[] u = vec(a[0], a[1]);
        double[] v = vec(b[0], b[1]);
        double[] n = cross(new double[] { u[0] - v[0], u[1] - v[1], u[2] - v[2] },
                           new double[] { u[0] + v[0], u[1] + v[1], u[2] + v[2] });
        return dot(n, vec(p[0], p[1])) / norm(n);
    }

    /**
     * Point in a triangle fan about m (star-shaped polygon): 1 inside, 0 outside,
     * -1 within tol (sine of angle) of an outer edge.
     */
    static int inStar(double[] m, double[][] v, double[] p, double tol) {
        int k = v.length;
        boolean near = false;
        for (int i = 0; i < k; i++) {
            double[] a = v[i];
            double[] b = v[(i + 1) % k];
            // orient the triangle (m, a, b) counter-clockwise
            double sm = side(a, b, m);
            double s1 = side(m, a, p) * Math.signum(side(m, a, b));
            double s2 = side(b, m, p) * Math.signum(side(b, m, a));
            double s3 = side(a, b, p) * Math.signum(sm);
            if (s1 >= -1e-15 && s2 >= -1e-15) {
                if (Math.abs(s3) <= tol) {
                    near = true;
                } else if (s3 > 0) {
                    return 1;
                }
            }
        }
        return near ? -1 : 0;
    }

    /** Boundary of a polygon sampled with n points per edge, as {ra, dec} pairs. */
    static double[][] sampleBoundary(double[][] v, int n) {
        double[][] out = new double[v.length * n][];
        for (int i = 0; i < v.length; i++) {
            double[] a = v[i];
            double[] b = v[(i + 1) % v.length];
            for (int j = 0; j < n; j++) {
                out[i * n + j] = slerp(a, b, j / (double) n);
            }
        }
        return out;
    }

    /** Longest edge, degrees. */
    static double longestEdge(double[][] v) {
        double max = 0;
        for (int i = 0; i < v.length; i++) {
            max = Math.max(max, hav(v[i], v[(i + 1) % v.length]));
        }
        return max;
    }
}
