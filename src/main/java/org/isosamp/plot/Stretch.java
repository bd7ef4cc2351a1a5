package org.isosamp.plot;

import java.util.Arrays;

/**
 * How pixel values become brightness: linear between two percentiles of the image's finite pixels, clipped
 * outside them (astropy's {@code PercentileInterval} with a {@code LinearStretch}, and ds9's "minmax" with the
 * extremes cut). By default the 0.5th and 99.5th percentiles ({@link #DEFAULT_PERCENT}: 99 % of the pixels keep
 * their contrast, a hot pixel or a dead row does not set the scale). Percentiles are numpy's default
 * ("linear"): the value at rank {@code p / 100 * (n - 1)} of the sorted finite values, interpolated between the
 * neighbouring ranks. NaN and infinite pixels are left out of the percentiles and map to NaN (drawn grey).
 *
 * @param low  the value drawn darkest (the lower percentile)
 * @param high the value drawn brightest (the upper percentile); greater than {@code low}
 */
public record Stretch(double low, double high) {

    /** The central percentage kept by default: from the 0.5th to the 99.5th percentile. */
    public static final double DEFAULT_PERCENT = 99.0;

    /** @throws IllegalArgumentException unless both are finite and {@code low < high} */
    public Stretch {
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("stretch [" + low + ", " + high + "] must be finite with low < high");
        }
    }

    /**
     * @param pixels  the image's values (any order)
     * @param percent the central percentage kept, in (0, 100]: 99 → the 0.5th and 99.5th percentiles
     * @return the stretch; for an image with one value (or none finite), a unit interval around it, so that it
     *         still draws
     */
    public static Stretch percentile(double[] pixels, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent (" + percent + ") must be within (0, 100]");
        }
        double[] v = Arrays.stream(pixels).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new Stretch(0, 1);
        }
        double cut = (100 - percent) / 2;
        double lo = percentileOfSorted(v, cut);
        double hi = percentileOfSorted(v, 100 - cut);
        if (!(lo < hi)) {
            // a flat image (or a flat 99 %): the whole range, else one unit around the value
            lo = v[0];
            hi = v[v.length - 1];
            if (!(lo < hi)) {
                double half = Math.max(Math.abs(lo) * 1e-6, 0.5);
                lo -= half;
                hi += half;
            }
        }
        return new Stretch(lo, hi);
    }

    /**
     * @param sorted finite values, ascending, at least one
     * @param p      a percentile in [0, 100]
     * @return numpy's {@code percentile(v, p)} (linear interpolation between ranks)
     */
    static double percentileOfSorted(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        double f = rank - below;
        return sorted[below] + f * (sorted[above] - sorted[below]);
    }

    /**
     * @param value a pixel value
     * @return its brightness in [0, 1] ({@code low} → 0, {@code high} → 1, clipped), or NaN for a NaN or infinite
     *         value
     */
    public double apply(double value) {
        if (!Double.isFinite(value)) {
            return Double.NaN;
        }
        double t = (value - low) / (high - low);
        return t < 0 ? 0 : t > 1 ? 1 : t;
    }
}
