package org.isosamp.products;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import org.isosamp.model.RetrievalType;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestFits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image of a FITS file alone, as one primary HDU without {@code EXTEND} (Aladin never replies for an image with
 * that card or with other HDUs): the same pixels, data bytes and cards (WCS among them), only the structural ones
 * changed; a lone image without the card is not copied; the original is never modified.
 */
class SingleImageFitsTest {

    /** The WCS cards every test image carries, and the copy must keep. */
    private static final List<String> WCS = List.of("CTYPE1", "CTYPE2", "CRVAL1", "CRVAL2", "CRPIX1", "CRPIX2",
        "CD1_1", "CD1_2", "CD2_1", "CD2_2", "RADESYS", "EQUINOX");

    @TempDir
    Path dir;

    @Test
    void aLonePrimaryImageIsCopiedWithoutItsExtendCard() throws Exception {
        Path file = write(dir.resolve("img.fits"), image(), null);
        assertTrue(headerCards(file, 0).stream().anyMatch(c -> c.startsWith("EXTEND  =                    T")),
            "nom-tam-fits writes EXTEND = T");
        Path copy = copied(file, 0);
        assertSameImage(file, 0, copy);
    }

    @Test
    void thePrimaryImageOfAFileWithATableExtensionIsServedAlone() throws Exception {
        BinaryTableHDU table = BinaryTableHDU.wrap(BinaryTable.fromColumnMajor(new Object[] {new double[] {1, 2}}));
        Path file = write(dir.resolve("img-table.fits"), image(), table);
        Path copy = copied(file, 0);
        assertSameImage(file, 0, copy);
    }

    @Test
    void anImageExtensionBehindAnEmptyPrimaryBecomesThePrimary() throws Exception {
        NullDataHDU primary = new NullDataHDU();
        primary.getHeader().addValue("OBJECT", "primary's own", "not carried over");
        ImageHDU ext = image();
        ext.getHeader().addValue("EXTNAME", "SCI", "extension name");
        Path file = write(dir.resolve("empty-ext.fits"), primary, ext);
        List<String> before = headerCards(file, 1);
        assertTrue(before.get(0).startsWith("XTENSION= 'IMAGE   '"), before.get(0));

        Path copy = copied(file, 1);
        assertSameImage(file, 1, copy);
        List<String> after = headerCards(copy, 0);
        assertTrue(after.get(0).matches("SIMPLE  = +T .*"), after.get(0));
        for (String key : List.of("XTENSION", "PCOUNT  ", "GCOUNT  ", "OBJECT  ")) {
            assertTrue(after.stream().noneMatch(c -> c.startsWith(key)), key + " is not in " + after);
        }
        assertTrue(after.stream().anyMatch(c -> c.startsWith("EXTNAME = 'SCI     '")), "EXTNAME stays");
    }

    @Test
    void aPrimaryImageWithAnImageExtensionIsServedAsThePrimaryAlone() throws Exception {
        Path file = write(dir.resolve("mef.fits"), image(), ImageData.from(new short[2][3]).toHDU());
        assertSameImage(file, 0, copied(file, 0));
    }

    @Test
    void theArchivesOwnImageGetsTheSameTreatment() throws Exception {
        // 80001538 in the local archive: a 32x32 CAM image with EXTEND = T, the one Aladin never answered for
        Path file = SharedArchive.client().download("80001538", RetrievalType.STANDALONE, null, dir, null, null);
        Path copy = copied(file, 0);
        assertEquals(Files.size(file), Files.size(copy), "one card out, one comment in: the same header blocks");
        assertFalse(SingleImageFits.copy(copy, 0, dir.resolve("again.fits")), "the copy needs no further copy");
        assertFalse(Files.exists(dir.resolve("again.fits")));
        assertEquals(ProductKind.IMAGE, ProductInspector.inspect(copy).kind());
    }

    @Test
    void aLoneImageWithoutTheCardIsNotCopied() throws Exception {
        Path plain = copied(write(dir.resolve("img.fits"), image(), null), 0);
        byte[] before = Files.readAllBytes(plain);
        Path copy = dir.resolve("not-copied.fits");
        assertFalse(SingleImageFits.copy(plain, 0, copy));
        assertFalse(Files.exists(copy), "nothing written");
        assertArrayEquals(before, Files.readAllBytes(plain));
    }

    @Test
    void whatIsNoImageIsRefusedNamingTheFile() throws Exception {
        Path spectrum = TestFits.binarySpectrum(dir.resolve("spec.fits"), 10);
        Path copy = dir.resolve("copy.fits");
        ProductFormatException table = assertThrows(ProductFormatException.class,
            () -> SingleImageFits.copy(spectrum, 1, copy));
        assertEquals("HDU 1 of spec.fits is not an image with data", table.getMessage());
        ProductFormatException empty = assertThrows(ProductFormatException.class,
            () -> SingleImageFits.copy(spectrum, 0, copy));
        assertEquals("HDU 0 of spec.fits is not an image with data", empty.getMessage());
        ProductFormatException none = assertThrows(ProductFormatException.class,
            () -> SingleImageFits.copy(spectrum, 2, copy));
        assertEquals("spec.fits has no HDU 2 (it has 2)", none.getMessage());
        assertFalse(Files.exists(copy));

        Path image = write(dir.resolve("img.fits"), image(), null);
        byte[] all = Files.readAllBytes(image);
        Path cut = Files.write(dir.resolve("cut.fits"), Arrays.copyOf(all, all.length - 2880 + 100));
        ProductFormatException truncated = assertThrows(ProductFormatException.class,
            () -> SingleImageFits.copy(cut, 0, copy));
        assertTrue(truncated.getMessage().startsWith("cut.fits ends inside its image"), truncated.getMessage());
        assertFalse(Files.exists(copy), "no half copy left");
    }

    /** @return the copy of HDU {@code hdu} of {@code file}, checking that one was written and the file not touched */
    private Path copied(Path file, int hdu) throws IOException {
        byte[] before = Files.readAllBytes(file);
        Path copy = dir.resolve("copy-" + file.getFileName());
        assertTrue(SingleImageFits.copy(file, hdu, copy), file.getFileName() + " is copied");
        assertArrayEquals(before, Files.readAllBytes(file), "the original is never modified");
        return copy;
    }

    /** The copy is one HDU without EXTEND: the same pixels, data bytes and cards as HDU {@code hdu} of the file. */
    private static void assertSameImage(Path file, int hdu, Path copy) throws IOException {
        try (Fits a = new Fits(file.toFile()); Fits b = new Fits(copy.toFile())) {
            BasicHDU<?>[] ha = a.read();
            BasicHDU<?>[] hb = b.read();
            assertEquals(1, hb.length, "one HDU");
            assertTrue(hb[0] instanceof ImageHDU, hb[0].getClass().getName());
            Header orig = ha[hdu].getHeader();
            Header got = hb[0].getHeader();
            assertFalse(got.containsKey("EXTEND"), "no EXTEND card");
            for (String key : WCS) {
                assertTrue(got.containsKey(key), key);
                assertEquals(orig.findCard(key).toString(), got.findCard(key).toString(), key);
            }
            assertTrue(Arrays.deepEquals((Object[]) ha[hdu].getKernel(), (Object[]) hb[0].getKernel()), "same pixels");
            byte[] da = Arrays.copyOfRange(Files.readAllBytes(file), (int) ha[hdu].getData().getFileOffset(),
                (int) (ha[hdu].getData().getFileOffset() + ha[hdu].getData().getSize()));
            byte[] db = Arrays.copyOfRange(Files.readAllBytes(copy), (int) hb[0].getData().getFileOffset(),
                (int) (hb[0].getData().getFileOffset() + hb[0].getData().getSize()));
            assertArrayEquals(da, db, "the same data bytes");
        }
        // every card but the structural ones, in its order and byte for byte
        List<String> kept = new ArrayList<>(headerCards(file, hdu));
        kept.removeIf(c -> c.matches("(XTENSION|SIMPLE  |PCOUNT  |GCOUNT  |EXTEND  )=.*"));
        List<String> got = new ArrayList<>(headerCards(copy, 0));
        assertEquals(1, got.stream().filter(c -> c.matches("COMMENT +iso-samp: .*")).count(), "what was done");
        got.removeIf(c -> c.matches("SIMPLE  =.*|COMMENT +iso-samp: .*"));
        assertEquals(kept, got);
    }

    /** @return the raw 80-character cards of HDU {@code hdu}'s header, up to END */
    private static List<String> headerCards(Path file, int hdu) throws IOException {
        byte[] all = Files.readAllBytes(file);
        long offset;
        try (Fits fits = new Fits(file.toFile())) {
            offset = fits.read()[hdu].getHeader().getFileOffset();
        }
        List<String> cards = new ArrayList<>();
        for (int at = (int) offset; ; at += 80) {
            String card = new String(all, at, 80, StandardCharsets.US_ASCII);
            if (card.startsWith("END     ")) {
                return cards;
            }
            cards.add(card);
        }
    }

    /** A 7x5 image, pixels not all alike, with a full celestial WCS and a few other cards. */
    private static ImageHDU image() throws Exception {
        float[][] d = new float[5][7];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                d[y][x] = y * 10 + x + 0.5f;
            }
        }
        ImageHDU hdu = ImageData.from(d).toHDU();
        Header h = hdu.getHeader();
        h.addValue("CTYPE1", "RA---TAN", "axis type");
        h.addValue("CTYPE2", "DEC--TAN", "axis type");
        h.addValue("CRVAL1", 10.684708, "[deg]");
        h.addValue("CRVAL2", 41.26875, "[deg]");
        h.addValue("CRPIX1", 4.0, "reference pixel");
        h.addValue("CRPIX2", 3.0, "reference pixel");
        h.addValue("CD1_1", -1.6666667e-3, "[deg/pixel]");
        h.addValue("CD1_2", 0.0, "");
        h.addValue("CD2_1", 0.0, "");
        h.addValue("CD2_2", 1.6666667e-3, "[deg/pixel]");
        h.addValue("RADESYS", "FK5", "");
        h.addValue("EQUINOX", 2000.0, "");
        h.addValue("BUNIT", "mJy/pixel", "");
        h.insertHistory("synthetic test image");
        h.insertComment("made by SingleImageFitsTest");
        return hdu;
    }

    private static Path write(Path file, BasicHDU<?> first, BasicHDU<?> second) throws IOException {
        try (Fits fits = new Fits()) {
            fits.addHDU(first);
            if (second != null) {
                fits.addHDU(second);
            }
            fits.write(file.toFile());
        }
        return file;
    }
}
