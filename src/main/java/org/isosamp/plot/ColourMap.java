package org.isosamp.plot;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Brightness to colour: matplotlib's "viridis" (perceptually uniform, readable in grey and by colour-blind eyes),
 * interpolated from nine of its colours; and as a JFreeChart {@link PaintScale} over data values through a
 * {@link Stretch}, for the colour bar. NaN is {@link #NAN} grey.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColourMap implements PaintScale {

    /** What a NaN pixel is drawn with: a mid grey, outside viridis's colours. */
    public static final Color NAN = new Color(0x80, 0x80, 0x80);

    private static final int[] ANCHORS = {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962,
                                          0xadd825, 0xfde725};
    private static final int[] LUT = lut();

    private final Stretch stretch;

    /** @param stretch how data values map to [0, 1] */
    public ColourMap(Stretch stretch) {
        this.stretch = stretch;
    }

    /** @return the stretch behind it */
    public Stretch stretch() {
        return stretch;
    }

    /**
     * @param brightness in [0, 1] (clipped), or NaN
     * @return the colour as 0xAARRGGBB, opaque
     */
    public static int argb(double brightness) {
        if (Double.isNaN(brightness)) {
            return NAN.getRGB();
        }
        int i = (int) Math.round(Math.max(0, Math.min(1, brightness)) * (LUT.length - 1));
        return LUT[i];
    }

    private static int[] lut() {
        int[] out = new int[256];
        for (int i = 0; i < out.length; i++) {
            double t = i / 255.0 * (ANCHORS.length - 1);
            int a = Math.min((int) t, ANCHORS.length - 2);
            double f = t - a;
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                int c0 = ANCHORS[a] >> shift & 0xFF;
                int c1 = ANCHORS[a + 1] >> shift & 0xFF;
                rgb |= (int) Math.round(c0 + f * (c1 - c0)) << shift;
            }
            out[i] = 0xFF000000 | rgb;
        }
        return out;
    }

    @Override
    public double getLowerBound() {
        return stretch.low();
    }

    @Override
    public double getUpperBound() {
        return stretch.high();
    }

    @Override
    public Paint getPaint(double value) {
        return new Color(argb(stretch.apply(value)), true);
    }
}
