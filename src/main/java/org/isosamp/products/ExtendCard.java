package org.isosamp.products;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;

/**
 * The {@code EXTEND} card of a FITS file that has only a primary HDU, and a copy without it.
 *
 * <p>Why: Aladin (12.001, {@code MyInputStream.getTypeFitsImg}) takes any {@code EXTEND} card in a primary
 * header, whatever its value, as the sign of extensions to follow. It then shows the image but never answers the
 * {@code image.load.fits} call that asked for it, so the sender waits out its timeout and reports a failure. Many
 * single-HDU images carry {@code EXTEND = T} (nom-tam-fits, astropy and the archive's own products write it):
 * the standard makes it a mere permission ("extensions may follow"), so a file with no extension loses nothing
 * without it, and ds9, astropy or TOPCAT read the copy as they read the original.
 *
 * <p>The copy differs from the original in that one 80-byte card, which becomes a {@code COMMENT} saying what it
 * was: header blocks, data offset and data bytes stay identical. A file with extensions is never touched (there
 * the card is true and needed), nor is the original: only a copy is written.
 *
 * <p>Thread-safe (stateless).
 */
public final class ExtendCard {

    private static final Logger LOG = Logger.getLogger(ExtendCard.class.getName());

    /** A FITS card's length in bytes. */
    static final int CARD = 80;
    /** A FITS block's length in bytes. */
    static final int BLOCK = 2880;
    /** What the {@code EXTEND} card becomes: a comment, padded to {@value #CARD} bytes. */
    static final String REPLACEMENT = "COMMENT   EXTEND card removed by iso-samp: this file has no extension";

    private ExtendCard() {
    }

    /**
     * @param file a FITS file
     * @return the byte offset of its primary header's {@code EXTEND} card if the file has only that primary HDU,
     *         else -1 (no such card, an extension follows, or not FITS we can read)
     * @throws IOException if the file cannot be read
     */
    public static long strayCardOffset(Path file) throws IOException {
        long offset = primaryCardOffset(file, "EXTEND");
        if (offset < 0) {
            return -1;
        }
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> primary = fits.readHDU();
            if (primary == null) {
                return -1;
            }
            // nom-tam-fits skips the primary's data (it reads lazily from a file) and reads the next header
            return fits.readHDU() == null ? offset : -1;
        } catch (IOException | RuntimeException e) {
            // not sure what follows the primary HDU: leave the file as it is
            LOG.fine(() -> "left " + file + " as it is: " + e);
            return -1;
        }
    }

    /**
     * Copies a single-HDU FITS file whose primary header has an {@code EXTEND} card, with that card turned into a
     * {@code COMMENT} of the same length ({@value #REPLACEMENT}). Any other file is not copied.
     *
     * @param file the original, never modified
     * @param copy where the copy goes (replaced if there)
     * @return true if the copy was written, false if the file needs none (and nothing was written)
     * @throws IOException if the file cannot be read or the copy written
     */
    public static boolean copyWithoutStray(Path file, Path copy) throws IOException {
        long offset = strayCardOffset(file);
        if (offset < 0) {
            return false;
        }
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        byte[] card = String.format("%-" + CARD + "s", REPLACEMENT).getBytes(StandardCharsets.US_ASCII);
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(card);
            long at = offset;
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
        }
        LOG.fine(() -> "copied " + file + " to " + copy + " without its EXTEND card (no extension follows)");
        return true;
    }

    /**
     * @return the offset of the first card with this keyword in the primary header (before {@code END}), or -1
     *         if there is none or the file does not start as FITS
     */
    static long primaryCardOffset(Path file, String keyword) throws IOException {
        String key = String.format("%-8s", keyword);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] block = new byte[BLOCK];
            for (long base = 0; ; base += BLOCK) {
                if (in.readNBytes(block, 0, BLOCK) < BLOCK) {
                    return -1;
                }
                String text = new String(block, StandardCharsets.US_ASCII);
                if (base == 0 && !text.startsWith("SIMPLE  =")) {
                    return -1;
                }
                for (int c = 0; c < BLOCK; c += CARD) {
                    String name = text.substring(c, c + 8);
                    if (name.equals("END     ")) {
                        return -1;
                    }
                    // a value card: the keyword, then "= " in bytes 9-10
                    if (name.equals(key) && text.charAt(c + 8) == '=') {
                        return base + c;
                    }
                }
            }
        }
    }
}
