package org.isosamp.local.products;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Postcards (PNG) and archive previews (GIF), drawn pixel by pixel with a built-in 5x7 bitmap font so that the
 * result neither needs nor depends on installed fonts (headless, bare machines, byte-identical everywhere).
 */
final class SyntheticGraphics {

    /** The PNG tEXt {@code Comment} of every postcard. */
    static final String SYNTHETIC_TEXT = "SYNTHETIC SAMPLE made by iso-samp: not real ISO data";

    private static final String GLYPH_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-.:/_()+,?*='&";
    private static final int[][] GLYPHS = {
        {0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E}, {0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E},
        {0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F}, {0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E},
        {0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02}, {0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E},
        {0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E}, {0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08},
        {0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E}, {0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C},
        {0x0E, 0x11, 0x11, 0x11, 0x1F, 0x11, 0x11}, {0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E},
        {0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E}, {0x1C, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1C},
        {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F}, {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10},
        {0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F}, {0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11},
        {0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E}, {0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C},
        {0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11}, {0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F},
        {0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11}, {0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11},
        {0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}, {0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10},
        {0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D}, {0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11},
        {0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E}, {0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04},
        {0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}, {0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04},
        {0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A}, {0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11},
        {0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04}, {0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F},
        {0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00}, {0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C},
        {0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x0C, 0x00}, {0x00, 0x01, 0x02, 0x04, 0x08, 0x10, 0x00},
        {0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1F}, {0x02, 0x04, 0x08, 0x08, 0x08, 0x04, 0x02},
        {0x08, 0x04, 0x02, 0x02, 0x02, 0x04, 0x08}, {0x00, 0x04, 0x04, 0x1F, 0x04, 0x04, 0x00},
        {0x00, 0x00, 0x00, 0x00, 0x0C, 0x04, 0x08}, {0x0E, 0x11, 0x01, 0x02, 0x04, 0x00, 0x04},
        {0x00, 0x04, 0x15, 0x0E, 0x15, 0x04, 0x00}, {0x00, 0x00, 0x1F, 0x00, 0x1F, 0x00, 0x00},
        {0x0C, 0x04, 0x08, 0x00, 0x00, 0x00, 0x00}, {0x0C, 0x12, 0x14, 0x08, 0x15, 0x12, 0x0D},
    };

    private SyntheticGraphics() {
    }

    // ------------------------------------------------------------------ drawing primitives

    /** Width in pixels of {@code s} in the bitmap font at the given scale. */
    static int textWidth(String s, int scale) {
        return s.length() * 6 * scale;
    }

    /** Draws text with the built-in 5x7 font (lower case shown as upper case; unknown characters as '?'). */
    static void drawText(BufferedImage img, String s, int x, int y, int rgb, int scale) {
        String u = s.toUpperCase(Locale.ROOT);
        for (int i = 0; i < u.length(); i++) {
            char ch = u.charAt(i);
            if (ch == '\u2014' || ch == '\u2013') {
                ch = '-';
            }
            if (ch != ' ') {
                int g = GLYPH_CHARS.indexOf(ch);
                int[] rows = GLYPHS[g < 0 ? GLYPH_CHARS.indexOf('?') : g];
                for (int r = 0; r < 7; r++) {
                    for (int c = 0; c < 5; c++) {
                        if ((rows[r] & (0x10 >> c)) != 0) {
                            fillRect(img, x + (i * 6 + c) * scale, y + r * scale, scale, scale, rgb);
                        }
                    }
                }
            }
        }
    }

    static void fillRect(BufferedImage img, int x, int y, int w, int h, int rgb) {
        for (int yy = StrictMath.max(0, y); yy < StrictMath.min(img.getHeight(), y + h); yy++) {
            for (int xx = StrictMath.max(0, x); xx < StrictMath.min(img.getWidth(), x + w); xx++) {
                img.setRGB(xx, yy, rgb);
            }
        }
    }

    /** Bresenham line. */
    static void line(BufferedImage img, int x0, int y0, int x1, int y1, int rgb) {
        int dx = StrictMath.abs(x1 - x0);
        int dy = -StrictMath.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        while (true) {
            if (x0 >= 0 && y0 >= 0 && x0 < img.getWidth() && y0 < img.getHeight()) {
                img.setRGB(x0, y0, rgb);
            }
            if (x0 == x1 && y0 == y1) {
                return;
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
        }
    }

    /** A white-yellow-red-black heat colour for v in [0, 1]. */
    static int heat(double v) {
        double t = StrictMath.max(0, StrictMath.min(1, v));
        int r = (int) StrictMath.round(255 * StrictMath.min(1, t * 2.2));
        int g = (int) StrictMath.round(255 * StrictMath.max(0, StrictMath.min(1, t * 2.2 - 0.9)));
        int b = (int) StrictMath.round(255 * StrictMath.max(0, t * 3 - 2));
        return (r << 16) | (g << 8) | b;
    }

    /** @return {min, max} of an image */
    private static double[] range(float[][] data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] row : data) {
            for (float v : row) {
                lo = StrictMath.min(lo, v);
                hi = StrictMath.max(hi, v);
            }
        }
        return new double[] { lo, hi };
    }

    /** Paints a float image into a box, scaled with nearest-neighbour sampling and an asinh stretch. */
    static void paintImage(BufferedImage img, float[][] data, int x0, int y0, int w, int h) {
        double[] range = range(data);
        double lo = range[0];
        double span = range[1] > lo ? range[1] - lo : 1;
        int ny = data.length;
        int nx = data[0].length;
        double norm = asinh(10);
        for (int y = 0; y < h; y++) {
            // FITS rows go upwards
            float[] row = data[ny - 1 - (y * ny) / h];
            for (int x = 0; x < w; x++) {
                double v = (row[(x * nx) / w] - lo) / span;
                img.setRGB(x0 + x, y0 + y, heat(asinh(10 * v) / norm));
            }
        }
    }

    private static double asinh(double x) {
        return StrictMath.log(x + StrictMath.sqrt(x * x + 1));
    }

    /** Plots a spectrum (log wavelength axis) into a box with axes. */
    static void paintSpectrum(BufferedImage img, SyntheticFits.SpectrumModel model, double lo, double hi, int x0,
                              int y0, int w, int h) {
        fillRect(img, x0, y0, w, h, 0xFFFFFF);
        double[] f = new double[w];
        double max = 0;
        for (int i = 0; i < w; i++) {
            double wl = lo * StrictMath.pow(hi / lo, i / (double) (w - 1));
            f[i] = model.flux(wl);
            max = StrictMath.max(max, f[i]);
        }
        int axis = 0x404040;
        line(img, x0, y0 + h - 1, x0 + w - 1, y0 + h - 1, axis);
        line(img, x0, y0, x0, y0 + h - 1, axis);
        for (int t = 1; t < 5; t++) {
            int tx = x0 + t * (w - 1) / 5;
            line(img, tx, y0 + h - 1, tx, y0 + h - 4, axis);
        }
        int prevX = -1;
        int prevY = -1;
        for (int i = 0; i < w; i++) {
            int y = y0 + h - 2 - (int) StrictMath.round((h - 6) * (f[i] / (max > 0 ? max : 1)));
            if (prevX >= 0) {
                line(img, prevX, prevY, x0 + i, y, 0xB00000);
            }
            prevX = x0 + i;
            prevY = y;
        }
    }

    // ------------------------------------------------------------------ PNG postcard

    /** A 256x256 PNG postcard: title bar, the image or spectrum, a SYNTHETIC footer and a tEXt Comment chunk. */
    static byte[] postcard(ObservationInfo obs, Instrument inst, boolean spectrum) throws IOException {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        fillRect(img, 0, 0, 256, 256, 0xF4F4F4);
        fillRect(img, 0, 0, 256, 30, 0x102040);
        String target = obs.target() == null ? "" : obs.target().trim();
        String title = "ISO " + obs.tdt() + (target.isEmpty() ? "" : " " + target) + " \u2014 SYNTHETIC SAMPLE";
        if (textWidth(title, 1) <= 250) {
            drawText(img, title, 3, 11, 0xFFFFFF, 1);
        } else {
            String first = "ISO " + obs.tdt() + (target.isEmpty() ? "" : " " + target);
            if (first.length() > 41) {
                first = first.substring(0, 41);
            }
            drawText(img, first, 3, 4, 0xFFFFFF, 1);
            drawText(img, "\u2014 SYNTHETIC SAMPLE", 3, 18, 0xFFFFFF, 1);
        }
        if (spectrum) {
            double[] range = inst == Instrument.LWS ? new double[] {43.0, 196.9} : new double[] {2.38, 45.2};
            SyntheticFits.SpectrumModel model = new SyntheticFits.SpectrumModel(inst,
                Determinism.random(obs.tdt(), "STANDALONE", "spectrum-data"));
            paintSpectrum(img, model, range[0], range[1], 16, 40, 224, 180);
            drawText(img, String.format(Locale.ROOT, "%.1f", range[0]), 16, 224, 0x202020, 1);
            String hiLabel = String.format(Locale.ROOT, "%.1f UM", range[1]);
            drawText(img, hiLabel, 240 - textWidth(hiLabel, 1), 224, 0x202020, 1);
        } else {
            java.util.Random r = Determinism.random(obs.tdt(), "STANDALONE", "image");
            float[][] data = SyntheticFits.imageData(32, 32, r, 100);
            paintImage(img, data, 48, 38, 160, 160);
            drawText(img, "N UP, E LEFT", 128 - textWidth("N UP, E LEFT", 1) / 2, 203, 0x202020, 1);
        }
        String foot = Instrument.aotLabel(obs.aotname()) + " - NOT REAL ISO DATA";
        drawText(img, foot, (256 - textWidth(foot, 1)) / 2, 238, 0xB00000, 1);
        return png(img, SYNTHETIC_TEXT + " (ISO " + obs.tdt() + (target.isEmpty() ? "" : ", " + ascii(target)) + ")");
    }

    private static String ascii(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? c : '?');
        }
        return b.toString();
    }

    /** Writes a PNG with tEXt Comment, Description and Software chunks. */
    static byte[] png(BufferedImage img, String comment) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("png");
        if (!it.hasNext()) {
            throw new IOException("no PNG writer in javax.imageio");
        }
        ImageWriter w = it.next();
        try {
            ImageWriteParam param = w.getDefaultWriteParam();
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String fmt = "javax_imageio_png_1.0";
            IIOMetadataNode text = new IIOMetadataNode("tEXt");
            text.appendChild(textEntry("Comment", comment));
            text.appendChild(textEntry("Description", SYNTHETIC_TEXT));
            text.appendChild(textEntry("Software", "iso-samp"));
            IIOMetadataNode root = new IIOMetadataNode(fmt);
            root.appendChild(text);
            md.mergeTree(fmt, root);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bos)) {
                w.setOutput(out);
                w.write(null, new IIOImage(img, null, md), param);
            }
            return bos.toByteArray();
        } finally {
            w.dispose();
        }
    }

    private static IIOMetadataNode textEntry(String key, String value) {
        IIOMetadataNode e = new IIOMetadataNode("tEXtEntry");
        e.setAttribute("keyword", key);
        e.setAttribute("value", value);
        return e;
    }

    // ------------------------------------------------------------------ GIF previews

    /**
     * A 16-grey-level GIF preview of an image, with a GIF comment saying it is synthetic, padded with a further
     * comment extension to exactly {@code size} bytes when size &gt; 0.
     */
    static byte[] gif(float[][] data, int w, int h, int size) throws IOException {
        byte[] lvl = new byte[16];
        for (int i = 0; i < 16; i++) {
            lvl[i] = (byte) (i * 17);
        }
        IndexColorModel cm = new IndexColorModel(4, 16, lvl, lvl, lvl);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, cm);
        double[] range = range(data);
        double lo = range[0];
        double span = range[1] > lo ? range[1] - lo : 1;
        int ny = data.length;
        int nx = data[0].length;
        for (int y = 0; y < h; y++) {
            float[] row = data[ny - 1 - (y * ny) / h];
            for (int x = 0; x < w; x++) {
                int v = (int) StrictMath.floor(15.999 * (row[(x * nx) / w] - lo) / span);
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) {
            throw new IOException("no GIF writer in javax.imageio");
        }
        ImageWriter wr = it.next();
        byte[] out;
        try {
            ImageWriteParam param = wr.getDefaultWriteParam();
            IIOMetadata md = wr.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String fmt = "javax_imageio_gif_image_1.0";
            IIOMetadataNode root = new IIOMetadataNode(fmt);
            IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
            IIOMetadataNode c = new IIOMetadataNode("CommentExtension");
            c.setAttribute("value", SYNTHETIC_TEXT);
            comments.appendChild(c);
            root.appendChild(comments);
            md.mergeTree(fmt, root);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(bos)) {
                wr.setOutput(ios);
                wr.write(null, new IIOImage(img, null, md), param);
            }
            out = bos.toByteArray();
        } finally {
            wr.dispose();
        }
        return size > 0 ? padGif(out, size) : out;
    }

    /** Inserts a comment extension before the GIF trailer so that the file is exactly {@code size} bytes. */
    static byte[] padGif(byte[] gif, int size) throws IOException {
        int pad = size - gif.length;
        if (pad == 0) {
            return gif;
        }
        if (pad < 3 || pad == 4 || gif[gif.length - 1] != 0x3B) {
            throw new IOException("cannot pad a " + gif.length + "-byte GIF to " + size + " bytes");
        }
        byte[] fill = "SYNTHETIC iso-samp sample, not ISO data. ".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream b = new ByteArrayOutputStream(size);
        b.write(gif, 0, gif.length - 1);
        b.write(0x21);
        b.write(0xFE);
        int rest = pad - 3; // bytes for sub-blocks (length byte + data each)
        int k = 0;
        while (rest > 0) {
            int len;
            if (rest > 257) {
                len = 255;
            } else if (rest == 257) {
                len = 254;
            } else {
                len = rest - 1;
            }
            b.write(len);
            for (int i = 0; i < len; i++) {
                b.write(fill[k++ % fill.length]);
            }
            rest -= len + 1;
        }
        b.write(0x00);
        b.write(0x3B);
        return b.toByteArray();
    }
}
