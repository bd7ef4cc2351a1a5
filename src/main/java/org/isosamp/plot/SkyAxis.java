package org.isosamp.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * An image axis in pixel coordinates whose ticks sit at round sky coordinates: RA in steps of seconds or minutes
 * of time ({@code 02h12m05s}), Dec in steps of arcseconds or arcminutes ({@code +61°30'30"}), as astropy's
 * WCSAxes and ds9 label them. The sky coordinate along the axis is the WCS's along the image's middle row (RA) or
 * column (Dec), {@code world}; each tick's pixel position is found by bisection on it, so the ticks are exact
 * on that line.
 *
 * <p>Not thread-safe (a JFreeChart axis).
 */
final class SkyAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    /** Steps in seconds of time (RA) or arcseconds (Dec). */
    private static final double[] STEPS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200,
                                           1800, 3600, 7200, 10800, 18000, 36000, 72000};

    private final boolean ra;
    private final transient DoubleUnaryOperator world;

    /**
     * @param label the axis label
     * @param ra    true for RA (hours), false for Dec (degrees)
     * @param world plot coordinate → RA or Dec in degrees, along the axis's middle line
     */
    SkyAxis(String label, boolean ra, DoubleUnaryOperator world) {
        super(label);
        this.ra = ra;
        this.world = world;
    }

    @Override
    public List<? extends Tick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea,
                                             RectangleEdge edge) {
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        double length = horizontal ? dataArea.getWidth() : dataArea.getHeight();
        // room for a label: about 100 Java2D units across; up, a tick every 60 or more, as WCSAxes spaces them
        int most = Math.max(2, (int) (length / (horizontal ? 110 : 60)));
        double lo = getLowerBound();
        double hi = getUpperBound();
        double w0 = units(world.applyAsDouble(lo));
        double w1 = units(world.applyAsDouble(hi));
        if (ra) {
            // through RA 0: unwrap so that w1 - w0 is the short way (seconds of time in a day: 86400)
            double d = Math.IEEEremainder(w1 - w0, 86400);
            w1 = w0 + d;
        }
        double span = Math.abs(w1 - w0);
        double step = STEPS[STEPS.length - 1];
        for (double s : STEPS) {
            if (span / s <= most) {
                step = s;
                break;
            }
        }
        List<NumberTick> ticks = new ArrayList<>();
        double from = Math.min(w0, w1);
        double to = Math.max(w0, w1);
        TextAnchor anchor = horizontal ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
            : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        for (long k = (long) Math.ceil(from / step - 1e-9); k * step <= to + 1e-9 && ticks.size() < 100; k++) {
            double target = k * step;
            double v = solve(lo, hi, w0, target);
            if (!Double.isNaN(v)) {
                ticks.add(new NumberTick(v, label(target, step), anchor, anchor, 0.0));
            }
        }
        // along the axis, left to right (RA grows to the left, east)
        ticks.sort(java.util.Comparator.comparingDouble(NumberTick::getValue));
        return ticks;
    }

    /** @return degrees in the axis's units: seconds of time for RA, arcseconds for Dec */
    private double units(double deg) {
        return ra ? deg * 240 : deg * 3600;
    }

    /** @return the plot coordinate in [lo, hi] where the axis's coordinate is {@code target}, or NaN */
    private double solve(double lo, double hi, double w0, double target) {
        double a = lo;
        double b = hi;
        double fa = unwrapped(a, w0) - target;
        double fb = unwrapped(b, w0) - target;
        if (fa * fb > 0) {
            return Double.NaN;
        }
        for (int i = 0; i < 60; i++) {
            double m = (a + b) / 2;
            double fm = unwrapped(m, w0) - target;
            if (fa * fm <= 0) {
                b = m;
            } else {
                a = m;
                fa = fm;
            }
        }
        return (a + b) / 2;
    }

    private double unwrapped(double v, double w0) {
        double w = units(world.applyAsDouble(v));
        return ra ? w0 + Math.IEEEremainder(w - w0, 86400) : w;
    }

    /** @return the tick's text, as precise as the step needs */
    private String label(double value, double step) {
        int decimals = step < 1 ? 1 : 0;
        boolean seconds = step < 60;
        if (ra) {
            double t = ((value % 86400) + 86400) % 86400;
            long tenths = Math.round(t * 10) % 864000;
            long h = tenths / 36000;
            long m = tenths / 600 % 60;
            double s = tenths % 600 / 10.0;
            if (!seconds) {
                return String.format(Locale.ROOT, "%02dh%02dm", h, m);
            }
            return decimals > 0 ? String.format(Locale.ROOT, "%02dh%02dm%04.1fs", h, m, s)
                : String.format(Locale.ROOT, "%02dh%02dm%02.0fs", h, m, s);
        }
        String sign = value < 0 ? "-" : "+";
        long tenths = Math.round(Math.abs(value) * 10);
        long d = tenths / 36000;
        long m = tenths / 600 % 60;
        double s = tenths % 600 / 10.0;
        if (!seconds) {
            return String.format(Locale.ROOT, "%s%02d°%02d'", sign, d, m);
        }
        return decimals > 0 ? String.format(Locale.ROOT, "%s%02d°%02d'%04.1f\"", sign, d, m, s)
            : String.format(Locale.ROOT, "%s%02d°%02d'%02.0f\"", sign, d, m, s);
    }
}
