package org.isosamp.plot;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Optional;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import org.isosamp.model.SkyPosition;
import org.isosamp.products.FitsProduct;
import org.isosamp.products.ProductFormatException;
import org.isosamp.products.ProductKind;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;

/**
 * An image's quick look: the pixels through a {@link Stretch} (linear between the 0.5th and 99.5th percentiles,
 * clipped) and a {@link ColourMap} (viridis; NaN grey), north up as FITS stores it (row 1 at the bottom), square
 * pixels, a colour bar on the right labelled with {@code BUNIT}, and axes labelled RA and Dec from the header's TAN
 * WCS ({@link TanWcs}; without one, pixel numbers).
 *
 * <p>The plot's x and y are pixel coordinates: pixel {@code i} (0-based, along {@code NAXIS1}) spans
 * {@code [i, i + 1)}, so FITS pixel {@code p} is at {@code x = p - 0.5}. A window converts the mouse to these with
 * its chart panel and asks {@link #skyAt} and {@link #valueAt}. The ticks are at round RA along the image's
 * middle row and round Dec along its middle column ({@link SkyAxis}): exact there, and for a field turned on the
 * sky (a {@code CD} matrix with rotation) only a guide elsewhere; {@link #skyAt} is exact everywhere. A cube shows its first plane.
 */
public final class ImageQuickLook extends QuickLook {

    private final double[][] pixels;   // [row][column], row 0 = FITS row 1 (the bottom)
    private final int width;
    private final int height;
    private final Stretch stretch;
    private final String unit;
    private final TanWcs wcs;
    private final JFreeChart chart;

    private ImageQuickLook(FitsProduct p, double[][] pixels, Stretch stretch, String unit, TanWcs wcs,
                           String title) {
        super(p);
        this.pixels = pixels;
        this.height = pixels.length;
        this.width = pixels[0].length;
        this.stretch = stretch;
        this.unit = unit;
        this.wcs = wcs;
        this.chart = makeChart(title);
    }

    static ImageQuickLook of(FitsProduct p) throws IOException {
        if (p.kind() != ProductKind.IMAGE) {
            throw new IllegalArgumentException(p.file().getFileName() + " is not an image (" + p.found() + ")");
        }
        String name = p.file().getFileName().toString();
        try (Fits fits = new Fits(p.file().toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            if (p.hdu() >= hdus.length || !(hdus[p.hdu()] instanceof ImageHDU img)) {
                throw new ProductFormatException(p.file(), name + ": HDU " + p.hdu() + " is no longer an image");
            }
            Header h = img.getHeader();
            double[][] px = plane(img.getKernel(), h);
            if (px.length == 0 || px[0].length == 0) {
                throw new ProductFormatException(p.file(), name + ": HDU " + p.hdu() + " has no pixels");
            }
            double[] all = new double[px.length * px[0].length];
            for (int r = 0; r < px.length; r++) {
                System.arraycopy(px[r], 0, all, r * px[0].length, px[0].length);
            }
            Stretch s = Stretch.percentile(all, Stretch.DEFAULT_PERCENT);
            String unit = h.getStringValue("BUNIT", hdus[0].getHeader().getStringValue("BUNIT", "")).trim();
            TanWcs wcs = TanWcs.from(h).orElse(null);
            return new ImageQuickLook(p, px, s, unit, wcs, title(p, hdus[0].getHeader()));
        } catch (FitsException | ClassCastException e) {
            throw new ProductFormatException(p.file(), name + ": cannot read its image: " + e.getMessage(), e);
        }
    }

    /**
     * @return the first plane of the data as doubles, {@code BSCALE}/{@code BZERO} applied and integer
     *         {@code BLANK} as NaN; row 0 is FITS's first row
     */
    private static double[][] plane(Object kernel, Header h) throws FitsException {
        Object k = kernel;
        // a cube (or more): its first plane
        while (k != null && k.getClass().isArray() && k.getClass().getComponentType().isArray()
               && k.getClass().getComponentType().getComponentType().isArray()) {
            k = Array.get(k, 0);
        }
        if (k == null || !k.getClass().isArray() || !k.getClass().getComponentType().isArray()) {
            throw new FitsException("not a 2-D image");
        }
        double bscale = h.getDoubleValue("BSCALE", 1);
        double bzero = h.getDoubleValue("BZERO", 0);
        boolean integer = h.getIntValue("BITPIX", -32) > 0;
        boolean hasBlank = integer && h.containsKey("BLANK");
        long blank = h.getLongValue("BLANK", 0);
        int rows = Array.getLength(k);
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            Object row = Array.get(k, r);
            int n = Array.getLength(row);
            double[] d = new double[n];
            for (int c = 0; c < n; c++) {
                Number v = (Number) Array.get(row, c);
                d[c] = hasBlank && v.longValue() == blank ? Double.NaN : v.doubleValue() * bscale + bzero;
            }
            out[r] = d;
        }
        return out;
    }

    private JFreeChart makeChart(String title) {
        NumberAxis x = wcs == null ? new NumberAxis("x (pixel)")
            : new SkyAxis("RA (" + wcs.frame() + ")", true, v -> wcs.toSky(v + 0.5, height / 2.0 + 0.5).raDeg());
        NumberAxis y = wcs == null ? new NumberAxis("y (pixel)")
            : new SkyAxis("Dec (" + wcs.frame() + ")", false, v -> wcs.toSky(width / 2.0 + 0.5, v + 0.5).decDeg());
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setAutoRange(false);
            a.setAutoRangeIncludesZero(false);
            a.setLowerMargin(0);
            a.setUpperMargin(0);
        }
        x.setRange(0, width);
        y.setRange(0, height);
        XYPlot plot = new XYPlot(null, x, y, new XYLineAndShapeRenderer(false, false));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(true);
        plot.getRenderer().addAnnotation(new XYDataImageAnnotation(picture(), 0, 0, width, height, true));
        JFreeChart c = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        c.setBackgroundPaint(Color.WHITE);
        // pixels stay pixels when scaled up (a 32 x 32 ISOCAM frame), as ds9 and Aladin show them
        c.getRenderingHints().put(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        NumberAxis barAxis = new NumberAxis(unit.isEmpty() ? "value" : unit);
        barAxis.setRange(stretch.low(), stretch.high());
        PaintScaleLegend bar = new PaintScaleLegend(new ColourMap(stretch), barAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setStripWidth(18);
        bar.setMargin(new RectangleInsets(20, 12, 20, 8));
        bar.setSubdivisionCount(256);
        bar.setBackgroundPaint(Color.WHITE);
        c.addSubtitle(bar);
        return c;
    }

    /** @return the stretched, coloured pixels, row 0 of the picture being FITS's top row */
    private BufferedImage picture() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                img.setRGB(c, height - 1 - r, ColourMap.argb(stretch.apply(pixels[r][c])));
            }
        }
        return img;
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    /** @return the stretch used (its {@code low} and {@code high} are the colour bar's ends) */
    public Stretch stretch() {
        return stretch;
    }

    /** @return the colour bar: a subtitle of the chart, its axis labelled with the unit */
    public PaintScaleLegend colourBar() {
        for (Object t : chart.getSubtitles()) {
            if (t instanceof PaintScaleLegend l) {
                return l;
            }
        }
        throw new IllegalStateException("the chart has lost its colour bar");
    }

    /** @return the pixel values' unit ({@code BUNIT}), or "" */
    public String unit() {
        return unit;
    }

    /** @return the image's WCS, if it has a TAN one */
    public Optional<TanWcs> wcs() {
        return Optional.ofNullable(wcs);
    }

    /** @return pixels along {@code NAXIS1} */
    public int width() {
        return width;
    }

    /** @return pixels along {@code NAXIS2} */
    public int height() {
        return height;
    }

    /**
     * Where a point of the plot is on the sky: what a window shows under the cursor.
     *
     * @param x plot x (pixel coordinates: FITS pixel {@code p} at {@code p - 0.5})
     * @param y plot y
     * @return its sky position, or empty without a WCS
     */
    public Optional<SkyPosition> skyAt(double x, double y) {
        return wcs == null ? Optional.empty() : Optional.of(wcs.toSky(x + 0.5, y + 0.5));
    }

    /**
     * @param x plot x
     * @param y plot y
     * @return the value of the pixel there (NaN outside the image or for a blank)
     */
    public double valueAt(double x, double y) {
        int c = (int) Math.floor(x);
        int r = (int) Math.floor(y);
        return c < 0 || r < 0 || c >= width || r >= height ? Double.NaN : pixels[r][c];
    }

    /**
     * @param x plot x
     * @param y plot y
     * @return a line for a status bar: {@code RA 02h12m00.0s Dec +61°30'00" (ICRS)  pixel (16, 16)  12.5 mJy/pixel}
     */
    public String describe(double x, double y) {
        StringBuilder b = new StringBuilder();
        skyAt(x, y).ifPresent(s -> b.append("RA ").append(TanWcs.formatRa(s.raDeg())).append(" Dec ")
            .append(TanWcs.formatDec(s.decDeg())).append(" (").append(wcs.frame()).append(")  "));
        b.append(String.format(java.util.Locale.ROOT, "pixel (%d, %d)", (int) Math.floor(x) + 1,
                               (int) Math.floor(y) + 1));
        double v = valueAt(x, y);
        if (!Double.isNaN(v)) {
            b.append("  ").append(String.format(java.util.Locale.ROOT, "%.4g", v));
            if (!unit.isEmpty()) {
                b.append(' ').append(unit);
            }
        }
        return b.toString();
    }

    /**
     * What a window shows under the cursor: {@link #describe} at a point of the drawn chart.
     *
     * @param java2dX  the point, in the chart's Java2D coordinates (a chart panel's
     *                 {@code translateScreenToJava2D} of the mouse)
     * @param java2dY  the point
     * @param dataArea where the plot's data was drawn (the chart panel's
     *                 {@code getChartRenderingInfo().getPlotInfo().getDataArea()})
     * @return the description, or "" outside the image
     */
    public String describeAt(double java2dX, double java2dY, Rectangle2D dataArea) {
        XYPlot plot = chart.getXYPlot();
        double x = plot.getDomainAxis().java2DToValue(java2dX, dataArea, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().java2DToValue(java2dY, dataArea, plot.getRangeAxisEdge());
        return x < 0 || y < 0 || x >= width || y >= height ? "" : describe(x, y);
    }

    /**
     * Square pixels: widens the x or y range (around the image's centre) so that one pixel is as wide as high in
     * the data area, as astropy's {@code imshow} does with {@code aspect='equal'}.
     */
    @Override
    public boolean layout(Rectangle2D dataArea) {
        if (dataArea == null || dataArea.getWidth() <= 0 || dataArea.getHeight() <= 0) {
            return false;
        }
        XYPlot plot = chart.getXYPlot();
        double scale = Math.min(dataArea.getWidth() / width, dataArea.getHeight() / height);   // Java2D per pixel
        double xSpan = dataArea.getWidth() / scale;
        double ySpan = dataArea.getHeight() / scale;
        Range xr = new Range(width / 2.0 - xSpan / 2, width / 2.0 + xSpan / 2);
        Range yr = new Range(height / 2.0 - ySpan / 2, height / 2.0 + ySpan / 2);
        boolean changed = !close(plot.getDomainAxis().getRange(), xr) || !close(plot.getRangeAxis().getRange(), yr);
        plot.getDomainAxis().setRange(xr);
        plot.getRangeAxis().setRange(yr);
        return changed;
    }

    private static boolean close(Range a, Range b) {
        double eps = 1e-9 * Math.max(1, b.getLength());
        return Math.abs(a.getLowerBound() - b.getLowerBound()) < eps
            && Math.abs(a.getUpperBound() - b.getUpperBound()) < eps;
    }
}
