package org.isosamp.local.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test-only, deliberately naive spherical geometry (independent of the code
 * under test): unit vectors, point-in-convex-polygon by edge signs, and the
 * circle/polygon distance by sampling every edge densely.
 */
final class BruteSky {

    private BruteSky() {
    }

    static double[] v(double raDeg, double decDeg) {
        double a = Math.toRadians(raDeg), d = Math.toRadians(decDeg);
        return new double[] { Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d) };
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] { a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0] };
    }

    static double angleDeg(double[] a, double[] b) {
        double[] c = cross(a, b);
        return Math.toDegrees(Math.atan2(Math.sqrt(dot(c, c)), dot(a, b)));
    }

    /** Parses {@code Polygon ICRS ra dec ra dec ...} into unit vectors. */
    static List<double[]> polygon(String stcs) {
        String[] t = stcs.trim().split("\\s+");
        if (!t[0].toLowerCase(Locale.ROOT).equals("polygon") || !t[1].equals("ICRS") || t.length % 2 != 0
            || t.length < 8) {
            throw new IllegalArgumentException("not an ICRS polygon: " + stcs);
        }
        List<double[]> p = new ArrayList<>();
        for (int i = 2; i < t.length; i += 2) {
            double ra = Double.parseDouble(t[i]);
            double dec = Double.parseDouble(t[i + 1]);
            if (ra < 0 || ra >= 360 || dec < -90 || dec > 90) {
                throw new IllegalArgumentException("vertex out of range: " + stcs);
            }
            p.add(v(ra, dec));
        }
        return p;
    }

    /** Point inside a convex polygon of either winding: all edge normals on the same side. */
    static boolean inside(List<double[]> poly, double[] p) {
        int pos = 0, neg = 0;
        for (int i = 0; i < poly.size(); i++) {
            double s = dot(cross(poly.get(i), poly.get((i + 1) % poly.size())), p);
            if (s > 0) {
                pos++;
            } else if (s < 0) {
                neg++;
            }
        }
        return pos == 0 || neg == 0;
    }

    /** Minimum angle (deg) from p to the polygon's edges, each sampled at 400 points (slerp). */
    static double edgeDistanceDeg(List<double[]> poly, double[] p) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < poly.size(); i++) {
            double[] a = poly.get(i), b = poly.get((i + 1) % poly.size());
            double om = Math.toRadians(angleDeg(a, b));
            for (int k = 0; k <= 400; k++) {
                double t = k / 400.0;
                double[] q;
                if (om < 1e-12) {
                    q = a;
                } else {
                    double sa = Math.sin((1 - t) * om) / Math.sin(om), sb = Math.sin(t * om) / Math.sin(om);
                    q = new double[] { sa * a[0] + sb * b[0], sa * a[1] + sb * b[1], sa * a[2] + sb * b[2] };
                }
                best = Math.min(best, angleDeg(p, q));
            }
        }
        return best;
    }

    static boolean circleIntersects(double ra, double dec, double r, String stcs) {
        if (stcs == null) {
            return false;
        }
        List<double[]> poly = polygon(stcs);
        double[] c = v(ra, dec);
        return inside(poly, c) || edgeDistanceDeg(poly, c) <= r;
    }

    /** Signed orientation: true if every (v_i x v_i+1) . centroid > 0 (counter-clockwise on the sky). */
    static boolean counterClockwise(List<double[]> poly) {
        double[] m = new double[3];
        for (double[] q : poly) {
            m[0] += q[0];
            m[1] += q[1];
            m[2] += q[2];
        }
        for (int i = 0; i < poly.size(); i++) {
            if (dot(cross(poly.get(i), poly.get((i + 1) % poly.size())), m) <= 0) {
                return false;
            }
        }
        return true;
    }
}
