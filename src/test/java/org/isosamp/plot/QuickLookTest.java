package org.isosamp.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.TableHDU;
import org.isosamp.archive.IsoArchive;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.isosamp.model.RetrievalType;
import org.isosamp.model.SkyPosition;
import org.isosamp.products.ProductFormatException;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestFits;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick looks of the local archive's LWS spectrum 58002102 and ISOCAM image 80001538: the chart models (series,
 * row counts, axis labels, stretch, colour bar, WCS) checked against the FITS files read on their own, the PNGs
 * decoded at the size asked and kept in {@code target/screenshots/}.
 */
class QuickLookTest {

    static final String SPECTRUM = "58002102";
    static final String IMAGE = "80001538";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots");

    private static Path spectrumFile;
    private static Path imageFile;

    @BeforeAll
    static void download(@TempDir Path dir) throws IOException {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
        IsoArchive ida = SharedArchive.client();
        spectrumFile = ida.download(SPECTRUM, RetrievalType.STANDALONE, null, dir, null, null);
        imageFile = ida.download(IMAGE, RetrievalType.STANDALONE, null, dir, null, null);
    }

    @Test
    void theSpectrumHasOneSeriesPerSegmentWithItsRowsAndUnitsOnTheAxes() throws Exception {
        QuickLook q = QuickLook.read(spectrumFile);
        SpectrumQuickLook s = assertInstanceOf(SpectrumQuickLook.class, q);
        // the product's own tables, read here without the renderer
        List<Integer> rows = new ArrayList<>();
        List<String> units = new ArrayList<>();
        try (Fits f = new Fits(spectrumFile.toFile())) {
            for (BasicHDU<?> h : f.read()) {
                if (h instanceof TableHDU<?> t) {
                    rows.add(t.getNRows());
                    units.add(t.getHeader().getStringValue("TUNIT1").trim() + " / "
                              + t.getHeader().getStringValue("TUNIT2").trim());
                }
            }
        }
        assertEquals(11, rows.size(), "the LWS product's segments");
        assertEquals(List.of("um / W/cm^2/um"), units.stream().distinct().toList());

        XYPlot plot = s.chart().getXYPlot();
        assertEquals(rows.size(), plot.getDataset().getSeriesCount());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i), plot.getDataset().getItemCount(i), "series " + i);
            assertEquals(rows.get(i), s.segments().get(i).rows());
            assertEquals(i + 1, s.segments().get(i).hdu());
        }
        assertEquals("SW1", s.segments().get(0).name(), "named by the segment's DETECTOR card");
        assertEquals(rows.size(), s.segments().stream().map(SpectrumQuickLook.Segment::name).distinct().count(),
                     "legend entries differ");
        assertEquals("Wavelength (um)", plot.getDomainAxis().getLabel());
        assertEquals("Flux (W/cm^2/um)", plot.getRangeAxis().getLabel());
        assertEquals(rows.size(), s.chart().getLegend().getSources()[0].getLegendItems().getItemCount());
        assertEquals("TDT 58002102 · LWS · M31", s.chart().getTitle().getText());
        // the fluxes (~1e-17) fill the axis instead of a flat line at 0 (JFreeChart's least range is 1e-8)
        double top = plot.getRangeAxis().getRange().getUpperBound();
        assertTrue(top > 1e-17 && top < 1e-15, "flux axis up to " + top);
        // the first point is the file's first row
        try (Fits f = new Fits(spectrumFile.toFile())) {
            TableHDU<?> t = (TableHDU<?>) f.getHDU(1);
            double x0 = ((Number) java.lang.reflect.Array.get(t.getColumn("WAVE"), 0)).doubleValue();
            assertEquals(x0, plot.getDataset().getXValue(0, 0), 0);
        }

        BufferedImage png = saved(q, "quicklook-" + SPECTRUM + ".png", QuickLook.DEFAULT_WIDTH,
                                  QuickLook.DEFAULT_HEIGHT);
        assertEquals(900, png.getWidth());
        assertEquals(600, png.getHeight());
        assertFalse(oneColour(png), "something was drawn");
    }

    @Test
    void theImageIsStretchedBetweenItsPercentilesWithAColourBarInItsUnit() throws Exception {
        ImageQuickLook q = assertInstanceOf(ImageQuickLook.class, QuickLook.read(imageFile));
        Header h;
        float[][] raw;
        try (Fits f = new Fits(imageFile.toFile())) {
            BasicHDU<?> hdu = f.getHDU(0);
            h = hdu.getHeader();
            raw = (float[][]) hdu.getKernel();
        }
        double[] v = Arrays.stream(raw).flatMapToDouble(r -> {
            double[] d = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                d[i] = r[i];
            }
            return Arrays.stream(d);
        }).sorted().toArray();
        assertEquals(32 * 32, v.length);
        // numpy.percentile(v, [0.5, 99.5]): rank p/100*(n-1), interpolated
        double rankLo = 0.005 * (v.length - 1);
        double rankHi = 0.995 * (v.length - 1);
        double lo = v[(int) rankLo] + (rankLo % 1) * (v[(int) rankLo + 1] - v[(int) rankLo]);
        double hi = v[(int) rankHi] + (rankHi % 1) * (v[(int) rankHi + 1] - v[(int) rankHi]);
        assertEquals(lo, q.stretch().low(), 1e-9 * Math.abs(lo));
        assertEquals(hi, q.stretch().high(), 1e-9 * Math.abs(hi));
        assertTrue(v[0] < lo && hi < v[v.length - 1], "the extremes are clipped");
        assertEquals(0, q.stretch().apply(v[0]));
        assertEquals(1, q.stretch().apply(v[v.length - 1]));
        assertEquals(0.5, q.stretch().apply((lo + hi) / 2), 1e-12);

        PaintScaleLegend bar = q.colourBar();
        assertEquals("mJy/pixel", h.getStringValue("BUNIT"));
        assertEquals("mJy/pixel", bar.getAxis().getLabel());
        assertEquals(lo, bar.getScale().getLowerBound(), 1e-9 * Math.abs(lo));
        assertEquals(hi, bar.getAxis().getRange().getUpperBound(), 1e-9 * Math.abs(hi));
        assertEquals("TDT 80001538 · CAM · J021200.0+613000", q.chart().getTitle().getText());
        assertEquals("RA (ICRS)", q.chart().getXYPlot().getDomainAxis().getLabel());
        assertEquals("Dec (ICRS)", q.chart().getXYPlot().getRangeAxis().getLabel());

        BufferedImage small = q.render(640, 480);
        assertEquals(640, small.getWidth());
        assertEquals(480, small.getHeight());
        BufferedImage png = saved(q, "quicklook-" + IMAGE + ".png", QuickLook.DEFAULT_WIDTH, QuickLook.DEFAULT_HEIGHT);
        assertEquals(900, png.getWidth());
        assertEquals(600, png.getHeight());
        // the brightest pixel is drawn in the colour map's top colour, somewhere
        int top = ColourMap.argb(1) & 0xFFFFFF;
        boolean found = false;
        for (int y = 0; y < png.getHeight() && !found; y++) {
            for (int x = 0; x < png.getWidth() && !found; x++) {
                found = (png.getRGB(x, y) & 0xFFFFFF) == top;
            }
        }
        assertTrue(found, "no pixel in the top colour");
    }

    @Test
    void theWcsOfTheReferencePixelIsCrvalAndOtherPixelsMatchAstropy() throws Exception {
        ImageQuickLook q = (ImageQuickLook) QuickLook.read(imageFile);
        Header h;
        try (Fits f = new Fits(imageFile.toFile())) {
            h = f.getHDU(0).getHeader();
        }
        double crpix1 = h.getDoubleValue("CRPIX1");
        double crpix2 = h.getDoubleValue("CRPIX2");
        // plot coordinates: FITS pixel p at p - 0.5
        SkyPosition ref = q.skyAt(crpix1 - 0.5, crpix2 - 0.5).orElseThrow();
        assertEquals(h.getDoubleValue("CRVAL1"), ref.raDeg(), 1e-10);
        assertEquals(h.getDoubleValue("CRVAL2"), ref.decDeg(), 1e-10);
        // astropy.wcs.WCS(header).all_pix2world([[1, 1], [32, 32]], 1) on this header
        SkyPosition corner = q.skyAt(0.5, 0.5).orElseThrow();
        assertEquals(33.05409497490731, corner.raDeg(), 1e-9);
        assertEquals(61.47415595379615, corner.decDeg(), 1e-9);
        SkyPosition far = q.wcs().orElseThrow().toSky(32, 32);
        assertEquals(32.9458151082865, far.raDeg(), 1e-9);
        assertEquals(61.52582259389581, far.decDeg(), 1e-9);
        assertTrue(q.describe(crpix1 - 0.5, crpix2 - 0.5).startsWith("RA 02h12m00.0s Dec +61°30'00\" (ICRS)"),
                   q.describe(crpix1 - 0.5, crpix2 - 0.5));
        assertTrue(Double.isNaN(q.valueAt(-1, 3)));
        // under a cursor: the chart drawn at 900 x 600, the reference pixel's centre in Java2D coordinates
        q.render(900, 600);
        java.awt.geom.Rectangle2D area = dataArea(q, 900, 600);
        XYPlot plot = q.chart().getXYPlot();
        double jx = plot.getDomainAxis().valueToJava2D(crpix1 - 0.5, area, plot.getDomainAxisEdge());
        double jy = plot.getRangeAxis().valueToJava2D(crpix2 - 0.5, area, plot.getRangeAxisEdge());
        assertEquals(q.describe(crpix1 - 0.5, crpix2 - 0.5), q.describeAt(jx, jy, area));
        assertEquals("", q.describeAt(area.getMinX() + 1, jy, area), "left of the image (square pixels)");
        // the ticks sit at round RA and Dec, each where the WCS says (along the middle row / column)
        java.awt.Graphics2D g = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<String> raLabels = new ArrayList<>();
        for (Object o : plot.getDomainAxis().refreshTicks(g, new org.jfree.chart.axis.AxisState(), area,
                                                          org.jfree.chart.ui.RectangleEdge.BOTTOM)) {
            org.jfree.chart.axis.NumberTick t = (org.jfree.chart.axis.NumberTick) o;
            raLabels.add(t.getText());
            double seconds = q.skyAt(t.getValue(), 16).orElseThrow().raDeg() * 240 - 2 * 3600;
            assertEquals(Integer.parseInt(t.getText().substring(3, 5)) * 60 + Integer.parseInt(t.getText().substring(6, 8)),
                         seconds, 1e-6, t.getText());
        }
        assertEquals(List.of("02h12m10s", "02h12m00s", "02h11m50s"), raLabels);
        List<String> decLabels = new ArrayList<>();
        for (Object o : plot.getRangeAxis().refreshTicks(g, new org.jfree.chart.axis.AxisState(), area,
                                                         org.jfree.chart.ui.RectangleEdge.LEFT)) {
            org.jfree.chart.axis.NumberTick t = (org.jfree.chart.axis.NumberTick) o;
            decLabels.add(t.getText());
            double arcsec = (q.skyAt(16, t.getValue()).orElseThrow().decDeg() - 61) * 3600;
            assertEquals(Integer.parseInt(t.getText().substring(4, 6)) * 60 + Integer.parseInt(t.getText().substring(7, 9)),
                         arcsec, 1e-6, t.getText());
        }
        assertEquals("+61°28'30\"", decLabels.get(0));
        assertEquals(7, decLabels.size(), decLabels.toString());
        g.dispose();
    }

    @Test
    void nanPixelsAreGreyAndOutOfTheStretch() {
        Stretch s = Stretch.percentile(new double[] {Double.NaN, 0, 1, 2, 3, 4, Double.POSITIVE_INFINITY}, 100);
        assertEquals(new Stretch(0, 4), s);
        assertTrue(Double.isNaN(s.apply(Double.NaN)));
        assertEquals(ColourMap.NAN.getRGB(), ColourMap.argb(s.apply(Double.NaN)));
        assertNotEquals(ColourMap.NAN.getRGB(), ColourMap.argb(0));
        assertEquals(new Stretch(0.5, 99.5),
                     Stretch.percentile(java.util.stream.IntStream.rangeClosed(0, 100).asDoubleStream().toArray(),
                                        99));
        // a flat image still draws
        Stretch flat = Stretch.percentile(new double[] {5, 5, 5}, 99);
        assertTrue(flat.low() < 5 && flat.high() > 5);
    }

    @Test
    void anImageWithoutWcsHasPixelAxesAndItsNanPixelsAreGrey(@TempDir Path dir) throws Exception {
        float[][] data = new float[20][30];
        for (int r = 0; r < 20; r++) {
            for (int c = 0; c < 30; c++) {
                data[r][c] = c < 10 ? Float.NaN : r * 30 + c;   // the left third blank
            }
        }
        Path file = dir.resolve("blank.fits");
        try (Fits f = new Fits()) {
            BasicHDU<?> hdu = Fits.makeHDU(data);
            hdu.getHeader().addValue("BUNIT", "Jy", "unit");
            f.addHDU(hdu);
            f.write(file.toFile());
        }
        ImageQuickLook q = assertInstanceOf(ImageQuickLook.class, QuickLook.read(file));
        assertEquals("x (pixel)", q.chart().getXYPlot().getDomainAxis().getLabel());
        assertEquals("y (pixel)", q.chart().getXYPlot().getRangeAxis().getLabel());
        assertTrue(q.skyAt(5, 5).isEmpty());
        assertTrue(Double.isNaN(q.valueAt(5.5, 3.5)));
        assertEquals(3 * 30 + 12, q.valueAt(12.5, 3.5), 0, "row 4 (y 3..4), column 13 (x 12..13)");
        assertEquals("pixel (13, 4)  102.0 Jy", q.describe(12.5, 3.5));
        BufferedImage img = q.render(600, 400);
        // the plot's data area: find the grey of NaN in the picture's left part, and no grey in its right part
        java.awt.geom.Rectangle2D area = dataArea(q, 600, 400);
        int y = (int) area.getCenterY();
        double pxPerPixel = area.getWidth() / (q.chart().getXYPlot().getDomainAxis().getRange().getLength());
        double x0 = area.getX() - q.chart().getXYPlot().getDomainAxis().getLowerBound() * pxPerPixel;
        assertEquals(ColourMap.NAN.getRGB(), img.getRGB((int) (x0 + 5 * pxPerPixel), y), "a NaN pixel");
        assertNotEquals(ColourMap.NAN.getRGB(), img.getRGB((int) (x0 + 20 * pxPerPixel), y), "a finite pixel");
    }

    private static java.awt.geom.Rectangle2D dataArea(QuickLook q, int w, int h) {
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        q.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, w, h), info);
        g.dispose();
        return info.getPlotInfo().getDataArea();
    }

    @Test
    void aFitsTableThatIsNoSpectrumIsRefusedSayingWhatItIs(@TempDir Path dir) throws Exception {
        Path table = TestFits.binaryTable(dir.resolve("80001538.fits"), "X", new String[] {"RA", "DEC"},
            new String[] {"deg", "deg"}, new double[] {1, 2}, new double[] {3, 4});
        ProductFormatException e = assertThrows(ProductFormatException.class, () -> QuickLook.read(table));
        assertTrue(e.getMessage().startsWith("80001538.fits is neither a spectrum nor an image: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; nothing to plot"), e.getMessage());
    }

    @Test
    void aSizeOutOfRangeIsRefused() throws Exception {
        QuickLook q = QuickLook.read(imageFile);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.render(99, 600));
        assertEquals("width (99) must be within 100..10000 pixels", e.getMessage());
    }

    /** Saves through an {@link OutputTarget} into target/screenshots and decodes it again. */
    private static BufferedImage saved(QuickLook q, String name, int w, int h) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(name);
        q.save(OutputTarget.file(png, IfExists.REPLACE), w, h);
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img != null, png + " is not a PNG ImageIO reads");
        return img;
    }

    private static boolean oneColour(BufferedImage img) {
        int first = img.getRGB(0, 0);
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                if (img.getRGB(x, y) != first) {
                    return false;
                }
            }
        }
        return true;
    }

}
