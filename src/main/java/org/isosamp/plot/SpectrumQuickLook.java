package org.isosamp.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.TableHDU;
import org.isosamp.products.FitsProduct;
import org.isosamp.products.ProductFormatException;
import org.isosamp.products.ProductKind;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A spectrum's quick look: one line per segment (ISO's SWS and LWS spectra have one table per detector or scan;
 * each is its own series, named by its {@code DETECTOR} or {@code EXTNAME} card, in the legend), the spectral
 * coordinate along x and the flux along y, each labelled with the product's own column and unit
 * ({@code Wavelength (um)}, {@code Flux (W/cm^2/um)}). The columns are the ones {@link
 * org.isosamp.products.ProductInspector} found (as SPLAT finds them); rows are drawn in file order, so a scan that
 * goes back and forth is drawn as it was taken. A 1-D image spectrum is one series, its x from the axis's
 * {@code CRVAL1}/{@code CDELT1}/{@code CRPIX1}.
 */
public final class SpectrumQuickLook extends QuickLook {

    /**
     * One segment as plotted.
     *
     * @param name the series' name (legend)
     * @param hdu  the HDU it came from
     * @param rows its rows (points, NaN flux included: drawn as gaps)
     */
    public record Segment(String name, int hdu, int rows) {
    }

    /** matplotlib's "tab10" then its darker "tab20" partners: distinct on white, none pale (JFreeChart's own has
     * yellow and pink). */
    private static final Color[] PALETTE = colours(0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
        0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf, 0x393b79, 0x637939, 0x8c6d31, 0x843c39, 0x7b4173);

    private final List<Segment> segments;
    private final XYSeriesCollection dataset;
    private final JFreeChart chart;

    private SpectrumQuickLook(FitsProduct p, List<Segment> segments, XYSeriesCollection dataset, JFreeChart chart) {
        super(p);
        this.segments = List.copyOf(segments);
        this.dataset = dataset;
        this.chart = chart;
    }

    /**
     * @param p an inspected spectrum
     * @return its quick look, every segment read
     * @throws ProductFormatException when its tables cannot be read as the inspection said
     */
    static SpectrumQuickLook of(FitsProduct p) throws IOException {
        FitsProduct.Spectrum s = p.spectrum();
        if (p.kind() != ProductKind.SPECTRUM || s == null) {
            throw new IllegalArgumentException(p.file().getFileName() + " is not a spectrum (" + p.found() + ")");
        }
        String name = p.file().getFileName().toString();
        XYSeriesCollection dataset = new XYSeriesCollection();
        List<Segment> segments = new ArrayList<>();
        String xUnit = s.coordUnit();
        String yUnit = s.fluxUnit();
        Header primary;
        try (Fits fits = new Fits(p.file().toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            primary = hdus[0].getHeader();
            for (int index : s.hdus()) {
                BasicHDU<?> hdu = index < hdus.length ? hdus[index] : null;
                String segName = segmentName(hdu, index, segments.size(), s.hdus().size());
                XYSeries series = new XYSeries(unique(segName, index, segments), false, true);
                if (s.image() && hdu instanceof ImageHDU img) {
                    addImage(img, series);
                } else if (hdu instanceof TableHDU<?> t) {
                    int xc = t.findColumn(s.coord());
                    int yc = t.findColumn(s.flux());
                    if (xc < 0 || yc < 0) {
                        throw new ProductFormatException(p.file(), name + ": HDU " + index + " has no column "
                            + (xc < 0 ? s.coord() : s.flux()));
                    }
                    Object xs = t.getColumn(xc);
                    Object ys = t.getColumn(yc);
                    int n = t.getNRows();
                    for (int i = 0; i < n; i++) {
                        series.add(number(xs, i), number(ys, i), false);
                    }
                } else {
                    throw new ProductFormatException(p.file(), name + ": HDU " + index + " is no spectrum segment");
                }
                dataset.addSeries(series);
                segments.add(new Segment((String) series.getKey(), index, series.getItemCount()));
            }
        } catch (FitsException | ClassCastException e) {
            throw new ProductFormatException(p.file(), name + ": cannot read its spectrum: " + e.getMessage(), e);
        }
        String xName = s.image() ? spectralWord(s.coord().replaceFirst("-.*", "")) : spectralWord(s.coord());
        String yName = s.flux().equalsIgnoreCase("flux") ? "Flux" : s.flux();
        NumberAxis x = new NumberAxis(label(xName, xUnit));
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(label(yName, yUnit));
        y.setAutoRangeIncludesZero(false);
        // fluxes in W/cm^2/um are ~1e-17: JFreeChart's default least range (1e-8) would flatten them to a line
        y.setAutoRangeMinimumSize(Double.MIN_NORMAL);
        x.setAutoRangeMinimumSize(Double.MIN_NORMAL);
        y.setNumberFormatOverride(new SpectrumTicks());
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setAutoPopulateSeriesStroke(false);
        lines.setDefaultStroke(new BasicStroke(1.2f));
        for (int i = 0; i < segments.size(); i++) {
            lines.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(dataset, x, y, lines);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title(p, primary), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        return new SpectrumQuickLook(p, segments, dataset, chart);
    }

    /** @return the segments, in file order, one series each */
    public List<Segment> segments() {
        return segments;
    }

    /** @return the plotted data: series {@code i} is {@code segments().get(i)} */
    public XYSeriesCollection dataset() {
        return dataset;
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    private static Color[] colours(int... rgb) {
        Color[] out = new Color[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            out[i] = new Color(rgb[i]);
        }
        return out;
    }

    /**
     * Flux tick labels: plain decimals for ordinary magnitudes, else {@code 1.5e-17}-style with the same number of
     * digits on every tick (a DecimalFormat's {@code 0E0} would print {@code 0E0} and {@code 5E-10}).
     */
    static final class SpectrumTicks extends java.text.NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
            double a = Math.abs(v);
            if (a == 0) {
                return to.append('0');
            }
            if (a >= 1e-3 && a < 1e5) {
                return to.append(new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                    .toPlainString());
            }
            String m = String.format(java.util.Locale.ROOT, "%.3e", v);   // 1.500e-17
            String mant = m.substring(0, m.indexOf('e')).replaceFirst("\\.?0+$", "");
            int exp = Integer.parseInt(m.substring(m.indexOf('e') + 1));
            return to.append(mant).append("e").append(exp);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            return null;   // labels only
        }
    }

    private static void addImage(ImageHDU img, XYSeries series) throws FitsException {
        Header h = img.getHeader();
        Object kernel = img.getKernel();
        while (kernel != null && kernel.getClass().isArray() && kernel.getClass().getComponentType().isArray()) {
            kernel = Array.getLength(kernel) == 1 ? Array.get(kernel, 0) : null;   // [1][n] and the like
        }
        if (kernel == null) {
            throw new FitsException("the 1-D spectrum's data is not one row");
        }
        double crval = h.getDoubleValue("CRVAL1", 1);
        double cdelt = h.getDoubleValue("CDELT1", h.getDoubleValue("CD1_1", 1));
        double crpix = h.getDoubleValue("CRPIX1", 1);
        double bscale = h.getDoubleValue("BSCALE", 1);
        double bzero = h.getDoubleValue("BZERO", 0);
        int n = Array.getLength(kernel);
        for (int i = 0; i < n; i++) {
            series.add(crval + cdelt * (i + 1 - crpix), number(kernel, i) * bscale + bzero, false);
        }
    }

    private static double number(Object column, int i) {
        Object v = Array.get(column, i);
        return v instanceof Number num ? num.doubleValue() : Double.NaN;
    }

    /** @return a segment's name: {@code DETECTOR}, else {@code EXTNAME}, else "HDU n" ("spectrum" for one alone) */
    private static String segmentName(BasicHDU<?> hdu, int index, int done, int total) {
        if (hdu != null) {
            for (String key : new String[] {"DETECTOR", "EXTNAME"}) {
                String v = hdu.getHeader().getStringValue(key, "").trim();
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return total == 1 ? "spectrum" : "HDU " + index;
    }

    /** Series keys must differ: a second "SW1" (another scan of the same detector) becomes "SW1 (HDU 7)". */
    private static String unique(String name, int hdu, List<Segment> before) {
        for (Segment s : before) {
            if (s.name().equals(name)) {
                return name + " (HDU " + hdu + ")";
            }
        }
        return name;
    }
}
