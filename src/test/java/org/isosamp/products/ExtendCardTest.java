package org.isosamp.products;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestFits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy of a single-HDU image without its {@code EXTEND} card (Aladin never replies for one with it): one
 * card changed, the same length, the same data; files with extensions, or without the card, are not copied.
 */
class ExtendCardTest {

    @TempDir
    Path dir;

    @Test
    void aSingleHduImageIsCopiedWithTheCardTurnedIntoAComment() throws Exception {
        Path image = lonePrimaryImage(dir.resolve("img.fits"));
        byte[] before = Files.readAllBytes(image);
        long at = ExtendCard.primaryCardOffset(image, "EXTEND");
        assertTrue(at > 0, "nom-tam-fits writes EXTEND = T into a lone primary image");
        assertTrue(new String(before, (int) at, 80, StandardCharsets.US_ASCII).matches("EXTEND  = +T.*"));

        Path copy = dir.resolve("copy.fits");
        assertTrue(ExtendCard.copyWithoutStray(image, copy));
        byte[] after = Files.readAllBytes(copy);

        assertArrayEquals(before, Files.readAllBytes(image), "the original is never modified");
        assertEquals(before.length, after.length, "same header blocks, same data offset");
        assertEquals(-1, ExtendCard.primaryCardOffset(copy, "EXTEND"), "no EXTEND card left");
        assertEquals(String.format("%-80s", ExtendCard.REPLACEMENT),
            new String(after, (int) at, 80, StandardCharsets.US_ASCII));
        for (int i = 0; i < before.length; i++) {
            if (i < at || i >= at + 80) {
                assertEquals(before[i], after[i], "byte " + i + " is unchanged");
            }
        }
        try (Fits a = new Fits(image.toFile()); Fits b = new Fits(copy.toFile())) {
            BasicHDU<?>[] ha = a.read();
            BasicHDU<?>[] hb = b.read();
            assertEquals(1, hb.length);
            assertTrue(Arrays.deepEquals((Object[]) ha[0].getKernel(), (Object[]) hb[0].getKernel()));
            assertEquals(ha[0].getHeader().getStringValue("CTYPE1"), hb[0].getHeader().getStringValue("CTYPE1"));
            assertFalse(hb[0].getHeader().containsKey("EXTEND"));
        }
    }

    @Test
    void theArchivesOwnImageGetsTheSameTreatment() throws Exception {
        // 80001538 in the local archive: a 32x32 CAM image with EXTEND = T, the one Aladin never answered for
        Path image = SharedArchive.client().download("80001538", org.isosamp.model.RetrievalType.STANDALONE, null,
            dir, null, null);
        Path copy = dir.resolve("copy.fits");
        assertTrue(ExtendCard.copyWithoutStray(image, copy));
        assertEquals(Files.size(image), Files.size(copy));
        assertEquals(-1, ExtendCard.strayCardOffset(copy), "the copy needs no further copy");
        assertEquals(ProductKind.IMAGE, ProductInspector.inspect(copy).kind());
    }

    @Test
    void aPrimaryImageWithAnExtensionIsLeftAlone() throws Exception {
        Path file = dir.resolve("mef.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(ImageData.from(new float[4][6]).toHDU());
            fits.addHDU(ImageData.from(new short[2][3]).toHDU());
            fits.write(file.toFile());
        }
        assertTrue(ExtendCard.primaryCardOffset(file, "EXTEND") > 0);
        assertLeftAlone(file);
    }

    @Test
    void anImageInAnExtensionIsLeftAlone() throws Exception {
        Path file = dir.resolve("ext.fits");
        try (Fits fits = new Fits()) {
            fits.addHDU(new NullDataHDU());
            fits.addHDU(ImageData.from(new float[4][6]).toHDU());
            fits.write(file.toFile());
        }
        assertLeftAlone(file);
        assertLeftAlone(TestFits.binarySpectrum(dir.resolve("spec.fits"), 10));
    }

    @Test
    void aFileWithoutTheCardOrNotFitsIsLeftAlone() throws Exception {
        Path image = lonePrimaryImage(dir.resolve("img.fits"));
        Path plain = dir.resolve("plain.fits");
        assertTrue(ExtendCard.copyWithoutStray(image, plain));
        assertLeftAlone(plain);
        Path text = Files.writeString(dir.resolve("x.fits"), "SIMPLE  = nothing more");
        assertLeftAlone(text);
        Path empty = Files.write(dir.resolve("e.fits"), new byte[0]);
        assertLeftAlone(empty);
    }

    private void assertLeftAlone(Path file) throws IOException {
        byte[] before = Files.readAllBytes(file);
        Path copy = dir.resolve("not-copied.fits");
        assertEquals(-1, ExtendCard.strayCardOffset(file), file.getFileName().toString());
        assertFalse(ExtendCard.copyWithoutStray(file, copy), file.getFileName() + " needs no copy");
        assertFalse(Files.exists(copy), "nothing written for " + file.getFileName());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    /** A lone primary image whose pixels are not all zero, so that "the same data" means something. */
    private static Path lonePrimaryImage(Path file) throws Exception {
        float[][] d = new float[5][7];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                d[y][x] = y * 10 + x + 0.5f;
            }
        }
        ImageHDU hdu = ImageData.from(d).toHDU();
        hdu.getHeader().addValue("CTYPE1", "RA---TAN", "axis type");
        try (Fits out = new Fits()) {
            out.addHDU(hdu);
            out.write(file.toFile());
        }
        return file;
    }
}
