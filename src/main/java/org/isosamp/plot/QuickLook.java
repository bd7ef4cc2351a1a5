package org.isosamp.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import nom.tam.fits.Header;
import org.isosamp.io.OutputTarget;
import org.isosamp.products.FitsProduct;
import org.isosamp.products.ProductFormatException;
import org.isosamp.products.ProductInspector;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * The quick look of a STANDALONE product: a spectrum plotted (every segment its own series, wavelength and flux
 * with the product's units) or an image shown (a percentile stretch, a colour bar with {@code BUNIT}, RA/Dec from
 * its WCS). One renderer for the command line ({@code iso-samp quicklook TDT --output x.png}) and the desktop
 * window, which wraps {@link #chart()} in its own chart panel; drawing here needs no display (no Swing, no window).
 * <pre>{@code
 * QuickLook q = QuickLook.read(Path.of("58002102.fits"));       // what it is, read from the file
 * q.save(OutputTarget.file(Path.of("x.png"), IfExists.REFUSE), 900, 600);
 * }</pre>
 *
 * In a window (Swing lives there, not here): read off the event thread, then on it
 * <pre>{@code
 * ChartPanel panel = new ChartPanel(q.chart());
 * // an image: square pixels once laid out, and the sky under the cursor
 * Rectangle2D area = panel.getChartRenderingInfo().getPlotInfo().getDataArea();
 * if (q.layout(area)) panel.repaint();
 * Point2D p = panel.translateScreenToJava2D(mouseEvent.getPoint());
 * status.setText(((ImageQuickLook) q).describeAt(p.getX(), p.getY(), area));
 * }</pre>
 *
 * <p>What it is comes from {@link ProductInspector}, never from the name; a FITS table that is no spectrum, a tar,
 * a PNG are refused with a {@link ProductFormatException} saying what they are.
 *
 * <p>Not thread-safe: a JFreeChart chart is a mutable model, and {@link #render} lays out the chart's axes for the
 * size asked. Use one quick look from one thread at a time (the window: the event thread, once it is made).
 */
public abstract sealed class QuickLook permits SpectrumQuickLook, ImageQuickLook {

    /** The default size, pixels. */
    public static final int DEFAULT_WIDTH = 900;
    /** The default size, pixels. */
    public static final int DEFAULT_HEIGHT = 600;
    /** The largest width or height drawn: a PNG of 10000 x 10000 is 400 MB of pixels in memory. */
    public static final int MAX_SIZE = 10_000;
    /** The smallest: below this a chart has no room for its axes. */
    public static final int MIN_SIZE = 100;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(QuickLook.class.getName());

    private final FitsProduct product;

    QuickLook(FitsProduct product) {
        this.product = product;
    }

    /**
     * Reads a product and makes its quick look.
     *
     * @param file a downloaded STANDALONE product
     * @return a {@link SpectrumQuickLook} or an {@link ImageQuickLook}
     * @throws ProductFormatException naming the file and what it is, when it is neither a spectrum nor an image
     * @throws IOException            when it cannot be read
     */
    public static QuickLook read(Path file) throws IOException {
        FitsProduct p = ProductInspector.inspect(file);
        LOG.fine(() -> "quick look of " + file + ": " + p.found());
        switch (p.kind()) {
            case SPECTRUM:
                return SpectrumQuickLook.of(p);
            case IMAGE:
                return ImageQuickLook.of(p);
            default:
                throw new ProductFormatException(file, file.getFileName() + " is neither a spectrum nor an image: "
                    + p.found() + "; nothing to plot");
        }
    }

    /** @return the product shown */
    public FitsProduct product() {
        return product;
    }

    /** @return the chart (the same one each time): for a window's chart panel, or {@link #render} */
    public abstract JFreeChart chart();

    /**
     * Draws the chart, headless.
     *
     * @param width  pixels, {@value #MIN_SIZE}..{@value #MAX_SIZE}
     * @param height pixels, {@value #MIN_SIZE}..{@value #MAX_SIZE}
     * @return the picture, opaque RGB
     * @throws IllegalArgumentException for a size out of range
     */
    public BufferedImage render(int width, int height) {
        checkSize("width", width);
        checkSize("height", height);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height), info);
            if (layout(info.getPlotInfo().getDataArea())) {
                // the axes changed for this size (an image keeps its pixels square): draw again
                chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, width, height), null);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Lays the chart out for a data area once drawn there (an image's axes are widened so its pixels are square).
     *
     * @param dataArea where the plot's data went, Java2D coordinates
     * @return true when something changed and the chart must be drawn again
     */
    public boolean layout(java.awt.geom.Rectangle2D dataArea) {
        return false;
    }

    /**
     * Writes the chart as a PNG.
     *
     * @param target where (a file, written atomically; a device; standard output), checked by its maker
     * @param width  pixels
     * @param height pixels
     * @throws IOException naming the target, when it cannot be written
     */
    public void save(OutputTarget target, int width, int height) throws IOException {
        BufferedImage img = render(width, height);
        try (OutputTarget.Writing w = target.open()) {
            try (OutputStream out = new java.io.BufferedOutputStream(w.newOutputStream())) {
                if (!ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer in this Java");
                }
            }
            w.commit();
        }
    }

    static void checkSize(String what, int pixels) {
        if (pixels < MIN_SIZE || pixels > MAX_SIZE) {
            throw new IllegalArgumentException(what + " (" + pixels + ") must be within " + MIN_SIZE + ".." + MAX_SIZE
                + " pixels");
        }
    }

    /**
     * @return the title: {@code TDT 58002102 · LWS · M31}, from the primary header's {@code TDT}, {@code INSTRUME}
     *         and the target, each left out when unknown
     */
    static String title(FitsProduct p, Header primary) {
        StringBuilder b = new StringBuilder();
        String tdt = primary.getStringValue("TDT", "").trim();
        if (tdt.isEmpty()) {
            String stem = p.file().getFileName().toString().replaceFirst("(?i)\\.fits?(\\.gz)?$", "");
            tdt = stem.matches("\\d{8}") ? stem : "";
        }
        b.append(tdt.isEmpty() ? p.file().getFileName().toString() : "TDT " + tdt);
        String instrument = primary.getStringValue("INSTRUME", "").trim();
        if (!instrument.isEmpty()) {
            b.append(" · ").append(instrument);
        }
        if (!p.object().isBlank()) {
            b.append(" · ").append(p.object().trim());
        }
        return b.toString();
    }

    /** @return "name (unit)", or the name alone without a unit */
    static String label(String name, String unit) {
        return unit == null || unit.isBlank() ? name : name + " (" + unit.trim() + ")";
    }

    /** @return a word for a spectral coordinate's column or CTYPE: Wavelength, Frequency, ... or the name itself */
    static String spectralWord(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("wave") && !n.startsWith("waven") || n.equals("lambda") || n.equals("wl")
            || n.startsWith("awav")) {
            return "Wavelength";
        }
        if (n.startsWith("freq")) {
            return "Frequency";
        }
        if (n.startsWith("waven") || n.startsWith("wavn")) {
            return "Wavenumber";
        }
        if (n.startsWith("ener")) {
            return "Energy";
        }
        if (n.startsWith("velo") || n.startsWith("vrad") || n.startsWith("vopt")) {
            return "Velocity";
        }
        return name;
    }
}
