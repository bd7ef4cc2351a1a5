package org.isosamp.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestFits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a product is, read from its content: real local-archive products and small files made here. */
class ProductInspectorTest {

    /** LWS01 spectrum of the astroquery docs: 11 ASCII table segments. */
    static final String LWS_SPECTRUM = "58002102";
    /** CAM01 image (ivoa.siap). */
    static final String CAM_IMAGE = "58302402";

    private static IsoArchive archive;

    @TempDir
    Path dir;

    @BeforeAll
    static void archive() {
        archive = new IsoArchive(HttpUrl.get(SharedArchive.get().baseUrl().toString()),
                                 IsoArchive.defaultHttpClient());
    }

    static Path standalone(String tdt, Path dir) throws IOException {
        return archive.download(tdt, RetrievalType.STANDALONE, null, dir, null, null);
    }

    @Test
    void archiveSpectrumIsSeveralAsciiTableSegments() throws IOException {
        FitsProduct p = ProductInspector.inspect(standalone(LWS_SPECTRUM, dir));
        assertEquals(ProductKind.SPECTRUM, p.kind());
        assertEquals("spectrum.load.ssa-generic", p.kind().mtype());
        FitsProduct.Spectrum s = p.spectrum();
        assertEquals("WAVE", s.coord());
        assertEquals("um", s.coordUnit());
        assertEquals("FLUX", s.flux());
        assertEquals("W/cm^2/um", s.fluxUnit());
        assertEquals("STDEV", s.error());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), s.hdus());
        assertFalse(s.binaryTable());
        assertFalse(s.readableAsIs(), "SPLAT would read only the first segment");
        assertEquals(958 + 962 + 962 + 961 + 958 + 961 + 959 + 959 + 959 + 962 + 963, p.rows());
        assertEquals(1, p.hdu());
        assertEquals("M31", p.object());
        assertEquals("M31 (ISO LWS L01 58002102)", p.title());
        assertTrue(p.found().startsWith("11 ASCII table segments (HDUs 1-11) with WAVE, FLUX, STDEV"), p.found());
    }

    @Test
    void archiveImageIsAnImage() throws IOException {
        FitsProduct p = ProductInspector.inspect(standalone(CAM_IMAGE, dir));
        assertEquals(ProductKind.IMAGE, p.kind());
        assertEquals("image.load.fits", p.kind().mtype());
        assertEquals(0, p.hdu());
        assertEquals("a 32x32 image in the primary HDU", p.found());
        assertNull(p.spectrum());
    }

    @Test
    void binaryTableWithSpectralAndFluxColumnsIsASpectrumSplatReadsAsIs() throws IOException {
        FitsProduct p = ProductInspector.inspect(TestFits.binarySpectrum(dir.resolve("spec.fits"), 50));
        assertEquals(ProductKind.SPECTRUM, p.kind());
        FitsProduct.Spectrum s = p.spectrum();
        assertEquals(List.of("WAVELENGTH", "Angstrom", "FLUX", "erg/s/cm2/Angstrom", "ERROR"),
            List.of(s.coord(), s.coordUnit(), s.flux(), s.fluxUnit(), s.error()));
        assertTrue(s.binaryTable());
        assertTrue(s.readableAsIs());
        assertEquals(50, p.rows());
        assertEquals("HD 12345", p.title());
    }

    @Test
    void utypesWinOverNames() throws IOException {
        Path f = TestFits.binaryTable(dir.resolve("u.fits"), "x", new String[] {"FLUXISH", "X", "Y"},
            null, new double[] {1, 2}, new double[] {3, 4}, new double[] {5, 6});
        // add TUTYPEs by rewriting the header with nom-tam
        try (nom.tam.fits.Fits fits = new nom.tam.fits.Fits(f.toFile())) {
            nom.tam.fits.BasicHDU<?>[] hdus = fits.read();
            hdus[1].getHeader().addValue("TUTYPE2", "spec:Spectrum.Data.SpectralAxis.Value", "");
            hdus[1].getHeader().addValue("TUTYPE3", "spec:Spectrum.Data.FluxAxis.Value", "");
            Path g = dir.resolve("u2.fits");
            try (nom.tam.fits.Fits out = new nom.tam.fits.Fits()) {
                for (nom.tam.fits.BasicHDU<?> h : hdus) {
                    out.addHDU(h);
                }
                out.write(g.toFile());
            }
            FitsProduct p = ProductInspector.inspect(g);
            assertEquals(ProductKind.SPECTRUM, p.kind());
            assertEquals("X", p.spectrum().coord());
            assertEquals("Y", p.spectrum().flux());
        }
    }

    @Test
    void otherBinaryTableIsATable() throws IOException {
        FitsProduct p = ProductInspector.inspect(TestFits.binaryTable(dir.resolve("t.fits"), "field",
            new String[] {"RA", "DEC", "NAME"}, new String[] {"deg", "deg", null},
            new double[] {10.1, 10.2, 10.3}, new double[] {41.1, 41.2, 41.3}, new String[] {"a", "b", "c"}));
        assertEquals(ProductKind.TABLE, p.kind());
        assertEquals("table.load.fits", p.kind().mtype());
        assertEquals(3, p.rows());
        assertEquals("a binary table of 3 columns and 3 rows in HDU 1", p.found());
    }

    @Test
    void oneDimensionalImageWithSpectralAxisIsASpectrum() throws IOException {
        FitsProduct p = ProductInspector.inspect(TestFits.image(dir.resolve("s1d.fits"), 100, 0, "WAVE", "um"));
        assertEquals(ProductKind.SPECTRUM, p.kind());
        assertTrue(p.spectrum().image());
        assertTrue(p.spectrum().readableAsIs());
        assertEquals("WAVE", p.spectrum().coord());
        assertEquals("um", p.spectrum().coordUnit());
        assertEquals("Jy", p.spectrum().fluxUnit());
        assertEquals("a 1-D WAVE spectrum of 100 pixels in the primary HDU", p.found());
    }

    @Test
    void oneDimensionalImageWithoutSpectralAxisIsRefusedSayingWhy() throws IOException {
        Path f = TestFits.image(dir.resolve("line.fits"), 100, 0, "LINEAR", null);
        ProductFormatException e = assertThrows(ProductFormatException.class, () -> ProductInspector.inspect(f));
        assertEquals("line.fits holds no spectrum, image or table: the primary HDU: a 1-D image (100) without a"
            + " spectral axis (CTYPE1 = LINEAR)", e.getMessage());
        assertEquals(f, e.file());
    }

    @Test
    void theNameDoesNotDecide() throws IOException {
        Path f = TestFits.image(dir.resolve("spectrum.tbl"), 8, 8, null, null);
        assertEquals(ProductKind.IMAGE, ProductInspector.inspect(f).kind());
    }

    @Test
    void aTarNamedFitsSaysItIsATar() throws IOException {
        Path tar = archive.download("80000203", RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET, dir,
            "80000203", null);
        Path fits = Files.move(tar, dir.resolve("80000203.fits"));
        ProductFormatException e = assertThrows(ProductFormatException.class, () -> ProductInspector.inspect(fits));
        assertTrue(e.getMessage().startsWith("80000203.fits is not a FITS file: it is a tar archive (first entry \""),
            e.getMessage());
        assertTrue(e instanceof IOException);
    }

    @Test
    void aPostcardIsAPng() throws IOException {
        Path png = archive.postcard("80001538", dir, null, null);
        ProductFormatException e = assertThrows(ProductFormatException.class, () -> ProductInspector.inspect(png));
        assertEquals(png.getFileName() + " is not a FITS file: it is a PNG image", e.getMessage());
    }

    @Test
    void otherNonFitsContentIsNamed() throws IOException {
        assertEquals("e.fits is not a FITS file: it is an empty file", message(write("e.fits", "")));
        assertEquals("h.fits is not a FITS file: it is an HTML page",
            message(write("h.fits", "<!DOCTYPE html>\n<html><body>Service unavailable</body></html>")));
        assertEquals("v.fits is not a FITS file: it is a VOTable document",
            message(write("v.fits", "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\"></VOTABLE>")));
        assertEquals("t.fits is not a FITS file: it is text starting \"ERROR: no such observation\"",
            message(write("t.fits", "ERROR: no such observation\nbye\n")));
        Path gz = dir.resolve("g.fits");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        assertEquals("g.fits is not a FITS file: it is gzip-compressed data (unpack it first)", message(gz));
        Path bin = dir.resolve("b.fits");
        Files.write(bin, new byte[] {0, 1, 2, 3, (byte) 0xfe, 5, 6, 7, 8, 9});
        assertEquals("b.fits is not a FITS file: it is unrecognised binary data (first bytes 00 01 02 03 fe 05 06"
            + " 07)", message(bin));
    }

    @Test
    void aHeaderWithoutDataIsRefused() throws IOException {
        assertEquals("empty.fits holds no data to show: a FITS primary header without data",
            message(TestFits.headerOnly(dir.resolve("empty.fits"))));
    }

    @Test
    void aTruncatedHeaderIsNotReadableFits() throws IOException {
        Path f = write("cut.fits", "SIMPLE  =                    T / truncated after one card");
        String m = message(f);
        assertTrue(m.startsWith("cut.fits is not a readable FITS file: "), m);
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        Path f = dir.resolve("gone.fits");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ProductInspector.inspect(f));
        assertEquals(f.toString(), e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String message(Path f) {
        return assertThrows(ProductFormatException.class, () -> ProductInspector.inspect(f)).getMessage();
    }
}
