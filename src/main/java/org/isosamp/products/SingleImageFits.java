package org.isosamp.products;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.logging.Logger;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.util.Cursor;
import nom.tam.util.FitsOutputStream;

/**
 * A copy of one image of a FITS file as a file of that one HDU, without an {@code EXTEND} card: what Aladin is
 * sent.
 *
 * <p>Why: Aladin (12.001) shows an image but never answers the {@code image.load.fits} call that asked for it when
 * the file holds more than that image alone, so the sender waits out its timeout and reports a failure. Seen by
 * hand for a lone primary image with an {@code EXTEND} card ({@code MyInputStream.getTypeFitsImg} takes any such
 * card, whatever its value, as the sign that extensions follow), a primary image followed by a table, and an empty
 * primary followed by an {@code IMAGE} extension. Given the image alone, as a primary HDU without an {@code EXTEND}
 * card, it answers {@code samp.ok} once loaded (0.2 s). These layouts are common: nom-tam-fits, astropy and the
 * archive itself write {@code EXTEND = T} into lone images, and archive images often come with a table or inside an
 * extension.
 *
 * <p>The copy holds the image's header card for card, in its order (nom-tam-fits reads and writes each card image
 * as it was), with these changes only: an extension's {@code XTENSION} card becomes {@code SIMPLE = T} and its
 * {@code PCOUNT} and {@code GCOUNT} cards go (a primary header must not have them); any {@code EXTEND} card goes; a
 * {@code COMMENT} says where the image came from. The WCS and every other card stay; the data bytes are copied as
 * they are (so {@code BITPIX}, {@code BSCALE}, {@code BZERO} and {@code BLANK} keep their meaning). Cards of an
 * empty primary HDU above an image extension are not carried over. A file that is already one HDU without an
 * {@code EXTEND} card is not copied, and the original is never modified.
 *
 * <p>Thread-safe (stateless).
 */
public final class SingleImageFits {

    private static final Logger LOG = Logger.getLogger(SingleImageFits.class.getName());

    /** A FITS block's length in bytes. */
    static final int BLOCK = 2880;
    /** An extension's cards that a primary header must not have. */
    private static final Set<String> EXTENSION_ONLY = Set.of("XTENSION", "PCOUNT", "GCOUNT");

    private SingleImageFits() {
    }

    /**
     * Copies the image in HDU {@code hdu} of {@code file} to {@code copy} as a single-HDU FITS file without an
     * {@code EXTEND} card, unless the file is that already.
     *
     * @param file a FITS file, never modified
     * @param hdu the index of the image HDU (0 = primary), as {@link FitsProduct#hdu()} gives it
     * @param copy where the copy goes (replaced if there)
     * @return true if the copy was written, false if {@code file} is one HDU without an {@code EXTEND} card (and
     *         nothing was written)
     * @throws ProductFormatException if HDU {@code hdu} is not an image with data, or the file is not FITS or ends
     *         inside that image
     * @throws IOException if the file cannot be read or the copy written
     */
    public static boolean copy(Path file, int hdu, Path copy) throws IOException {
        if (hdu < 0) {
            throw new IllegalArgumentException("HDU index (" + hdu + ") must not be negative");
        }
        String name = file.getFileName().toString();
        try (Fits fits = new Fits(file.toFile())) {
            // nom-tam-fits reads a file's headers and defers its data, so this costs no pixels
            BasicHDU<?> image = null;
            for (int i = 0; i <= hdu; i++) {
                image = fits.readHDU();
                if (image == null) {
                    throw new ProductFormatException(file, name + " has no HDU " + hdu + " (it has " + i + ")");
                }
            }
            Header h = image.getHeader();
            long bytes = imageBytes(h);
            if (bytes <= 0 || !(hdu == 0 || "IMAGE".equals(h.getStringValue("XTENSION", "").trim()))) {
                throw new ProductFormatException(file, "HDU " + hdu + " of " + name + " is not an image with data");
            }
            if (hdu == 0 && !h.containsKey("EXTEND") && isLast(fits)) {
                return false;
            }
            long from = image.getData().getFileOffset();
            write(file, primaryHeader(h, hdu), from, bytes, copy);
            LOG.fine(() -> "copied HDU " + hdu + " of " + file + " to " + copy + " as a lone primary image");
            return true;
        } catch (nom.tam.fits.FitsException e) {
            // nom-tam-fits 1.21 throws this unchecked
            throw new ProductFormatException(file, name + " is not a readable FITS file: " + e.getMessage(), e);
        }
    }

    /** @return true if no HDU follows the one read last (a damaged tail counts as one: better copy than not) */
    private static boolean isLast(Fits fits) {
        try {
            return fits.readHDU() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** @return the image's data bytes without padding: |BITPIX|/8 times the product of the axes, 0 if none */
    private static long imageBytes(Header h) {
        int naxis = h.getIntValue("NAXIS", 0);
        long n = naxis > 0 ? Math.abs(h.getIntValue("BITPIX", 0)) / 8 : 0;
        for (int k = 1; k <= naxis; k++) {
            n = Math.multiplyExact(n, Math.max(0, h.getLongValue("NAXIS" + k, 0)));
        }
        return n;
    }

    /**
     * @return the image's header as a lone primary one: an extension's {@code XTENSION} card becomes
     *         {@code SIMPLE = T} and its {@code PCOUNT}/{@code GCOUNT} go; {@code EXTEND} goes; all else stays
     */
    private static Header primaryHeader(Header image, int hdu) {
        boolean extension = hdu > 0;
        Header h = new Header();
        if (extension) {
            h.addLine(HeaderCard.create("SIMPLE  =                    T / conforms to FITS standard"));
        }
        for (Cursor<String, HeaderCard> c = image.iterator(); c.hasNext();) {
            HeaderCard card = c.next();
            String key = card.getKey();
            if (!key.equals("EXTEND") && !key.equals("END") && !(extension && EXTENSION_ONLY.contains(key))) {
                h.addLine(card);
            }
        }
        h.insertComment("iso-samp: HDU " + hdu + " alone, without EXTEND, for Aladin");
        return h;
    }

    private static void write(Path file, Header header, long from, long bytes, Path copy) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel to = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                 StandardOpenOption.TRUNCATE_EXISTING)) {
            if (in.size() < from + bytes) {
                throw new ProductFormatException(file, file.getFileName() + " ends inside its image ("
                    + (in.size() - from) + " of " + bytes + " data bytes)");
            }
            // the stream is not closed here: that would close the channel before the data is copied
            OutputStream os = Channels.newOutputStream(to);
            FitsOutputStream fos = new FitsOutputStream(os);
            header.write(fos);
            fos.flush();
            for (long done = 0; done < bytes;) {
                done += in.transferTo(from + done, bytes - done, to);
            }
            long pad = (BLOCK - bytes % BLOCK) % BLOCK;
            to.write(ByteBuffer.allocate((int) pad));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }
}
