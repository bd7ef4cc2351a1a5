package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;
import okhttp3.HttpUrl;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.SampException;
import org.isosamp.archive.IsoArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.products.ProductFormatException;
import org.isosamp.products.ProductKind;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.OperatorArchive;
import org.isosamp.testing.ScriptedViewer;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestFits;
import org.isosamp.testing.TestBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.URLDataSource;

/**
 * STANDALONE products sent to SPLAT-, Aladin- and TOPCAT-like clients on a real hub, from the real local archive
 * (spectra, images) and from one whose operator files stand in for a FITS table, a tar and a PNG.
 */
class ProductSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    static final String LWS_SPECTRUM = "58002102";
    static final String CAM_IMAGE = "58302402";
    /** In the operator archive: a FITS table, a tar, a PNG, each named {@code <tdt>.fits} by the archive. */
    static final String TABLE_TDT = "80001538";
    static final String TAR_TDT = "80000203";
    static final String PNG_TDT = "58302703";

    private static IsoArchive archive;
    private static OperatorArchive operator;
    private static IsoArchive operatorArchive;

    @TempDir
    Path dir;

    @RegisterExtension
    final TestBus bus = new TestBus();

    private final SentTables sent = new SentTables();

    @BeforeAll
    static void archives(@TempDir Path tmp) throws IOException {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
        archive = SharedArchive.client();
        Path table = TestFits.binaryTable(tmp.resolve("t.fits"), "J021200.0+613000",
            new String[] {"SOURCE", "RA", "DEC", "FLUX_12"}, new String[] {null, "deg", "deg", "Jy"},
            new String[] {"s1", "s2", "s3", "s4"}, new double[] {33.0, 33.1, 33.2, 33.3},
            new double[] {61.5, 61.4, 61.6, 61.5}, new float[] {1.5f, 2.5f, 0.3f, 7.0f});
        Path tar = archive.download(TAR_TDT, RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET, tmp, "x",
            null);
        Path png = archive.postcard(PNG_TDT, tmp, "p", null);
        operator = OperatorArchive.start(Map.of(TABLE_TDT + ".fits", Files.readAllBytes(table),
            TAR_TDT + ".fits", Files.readAllBytes(tar), PNG_TDT + ".fits", Files.readAllBytes(png)));
        operatorArchive = new IsoArchive(HttpUrl.get(operator.baseUrl()), IsoArchive.defaultHttpClient());
    }

    @AfterAll
    static void stopOperator() throws IOException {
        operator.close();
    }

    private ProductSender sender(IsoArchive from) {
        return new ProductSender(bus.samp(), bus.server(), from, sent, WAIT, ProductSender.DEFAULT_MAX_PRODUCTS);
    }

    @Test
    void aSpectrumGoesToTheSplatLikeClientWithTheSsaMetaAndAUrlServingValidFits() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             ScriptedViewer splat = new ScriptedViewer(bus.hub(), "splat", ScriptedViewer.Reply.OK, null,
                 "spectrum.load.ssa-generic", "table.load.votable");
             FakeViewer aladin = new FakeViewer(bus.hub(), "Aladin", "image.load.fits", "table.load.votable");
             ProductSender sender = sender(archive)) {
            bus.connect(3);
            ProductSender.Sent s = sender.send(LWS_SPECTRUM, null);
            assertEquals(ProductKind.SPECTRUM, s.product().kind());
            assertEquals("spectrum.load.ssa-generic", s.mtype());
            assertEquals(Set.of("splat"), TableSenderTest.names(s.delivery().recipients()));
            assertTrue(s.delivery().anyOk());

            ScriptedViewer.Loaded got = splat.next(WAIT);
            Message m = got.message();
            assertAnnounces(m, "spectrum.load.ssa-generic", s, "spectrum-id", "M31 (ISO LWS L01 58002102)");
            Map<?, ?> meta = (Map<?, ?>) m.getParam("meta");
            assertEquals("application/fits", meta.get("Access.Format"));
            assertEquals(s.url().toString(), meta.get("Access.Reference"));
            assertEquals("M31", meta.get("Target.Name"));
            assertEquals("M31 (ISO LWS L01 58002102)", meta.get("vox:image_title"));
            assertEquals("WAVE FLUX STDEV", meta.get("vox:spectrum_axes"));
            assertEquals("um W/cm^2/um", meta.get("vox:spectrum_units"));
            assertEquals("WAVE", meta.get("Spectrum.Char.SpectralAxis.Name"));
            assertEquals("um", meta.get("Spectrum.Char.SpectralAxis.unit"));
            assertEquals("FLUX", meta.get("Spectrum.Char.FluxAxis.Name"));
            assertEquals("W/cm^2/um", meta.get("Spectrum.Char.FluxAxis.unit"));

            // what SPLAT loaded while we waited: one FITS binary table with every segment's rows
            assertNull(got.error());
            try (Fits f = new Fits(new ByteArrayInputStream(got.body()))) {
                BasicHDU<?>[] hdus = f.read();
                BinaryTableHDU t = (BinaryTableHDU) hdus[1];
                assertTrue(t.findColumn("WAVE") >= 0 && t.findColumn("FLUX") >= 0 && t.findColumn("STDEV") >= 0);
                assertEquals(s.product().rows(), t.getNRows());
                assertEquals("M31", hdus[0].getHeader().getStringValue("OBJECT"));
            }
            assertEquals("application/fits", contentType(s.url()));
            assertNotEquals(s.product().file(), s.served(), "served as the one-table copy");
            assertEquals(List.of(), topcat.drain());
            assertEquals(List.of(), aladin.drain());
        }
    }

    @Test
    void aOneTableSpectrumIsServedAsItIs() throws Exception {
        try (ScriptedViewer splat = new ScriptedViewer(bus.hub(), "splat", ScriptedViewer.Reply.OK, null,
                 "spectrum.load.ssa-generic");
             ProductSender sender = sender(archive)) {
            bus.connect(1);
            Path file = TestFits.binarySpectrum(dir.resolve("hd12345.fits"), 40);
            ProductSender.Sent s = sender.sendFile(file, "splat");
            assertEquals(file, s.served());
            Map<?, ?> meta = (Map<?, ?>) splat.next(WAIT).message().getParam("meta");
            assertEquals("WAVELENGTH FLUX ERROR", meta.get("vox:spectrum_axes"));
            assertEquals("Angstrom erg/s/cm2/Angstrom", meta.get("vox:spectrum_units"));
            assertEquals("HD 12345", meta.get("Target.Name"));
            assertEquals("application/fits", meta.get("Access.Format"));
        }
        assertTrue(Files.exists(dir.resolve("hd12345.fits")), "the caller's file is left where it was");
    }

    @Test
    void anImageGoesToTheAladinLikeClientAsImageLoadFits() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             FakeViewer splat = new FakeViewer(bus.hub(), "splat", "spectrum.load.ssa-generic", "table.load.votable");
             ScriptedViewer aladin = new ScriptedViewer(bus.hub(), "Aladin", ScriptedViewer.Reply.OK, null,
                 "image.load.fits", "table.load.votable");
             ProductSender sender = sender(archive)) {
            bus.connect(3);
            ProductSender.Sent s = sender.send(CAM_IMAGE, null);
            assertEquals("image.load.fits", s.mtype());
            ScriptedViewer.Loaded got = aladin.next(WAIT);
            assertAnnounces(got.message(), "image.load.fits", s, "image-id", "M31_LW2 (ISO CAM C01 58302402)");
            try (Fits f = new Fits(new ByteArrayInputStream(got.body()))) {
                ImageHDU img = (ImageHDU) f.read()[0];
                assertEquals(32, img.getHeader().getIntValue("NAXIS1"));
                assertEquals("RA---TAN", img.getHeader().getStringValue("CTYPE1"));
            }
            // a lone primary image that says EXTEND = T: Aladin never replies for it, so it is served without
            // the card, every other card and the data the same
            byte[] original = Files.readAllBytes(s.product().file());
            assertTrue(headerCards(original).contains("EXTEND  =                    T"), "the product says EXTEND = T");
            assertFalse(headerCards(got.body()).contains("EXTEND  ="), "served without the EXTEND card");
            assertEquals(headerCards(original).replaceAll("(?m)^EXTEND  =.*\n", ""),
                headerCards(got.body()).replaceAll("(?m)^COMMENT +iso-samp: .*\n", ""), "every other card kept");
            assertEquals(original.length, got.body().length, "one card out, one comment in");
            long dataSize;
            try (Fits f = new Fits(s.product().file().toFile())) {
                dataSize = f.readHDU().getData().getSize();
            }
            int data = (int) (original.length - dataSize);
            assertArrayEquals(java.util.Arrays.copyOfRange(original, data, original.length),
                java.util.Arrays.copyOfRange(got.body(), data, original.length), "the same data bytes");
            assertTrue(s.url().getPath().endsWith("/" + CAM_IMAGE + ".fits"), s.url() + " keeps the product's name");
            assertEquals(List.of(), topcat.drain());
            assertEquals(List.of(), splat.drain());
        }
    }

    @Test
    void anImageWithOtherHdusIsServedAloneAndTheFileLeftAsItIs() throws Exception {
        // Aladin shows an image followed by a table, or in an extension behind an empty primary, but never replies
        try (ScriptedViewer aladin = new ScriptedViewer(bus.hub(), "Aladin", ScriptedViewer.Reply.OK, null,
                 "image.load.fits");
             ProductSender sender = sender(archive)) {
            bus.connect(1);
            Path withTable = dir.resolve("img-table.fits");
            try (Fits fits = new Fits()) {
                fits.addHDU(nom.tam.fits.ImageData.from(new float[8][9]).toHDU());
                fits.addHDU(BinaryTableHDU.wrap(nom.tam.fits.BinaryTable.fromColumnMajor(
                    new Object[] {new double[] {1, 2}})));
                fits.write(withTable.toFile());
            }
            Path inExtension = dir.resolve("img-ext.fits");
            try (Fits fits = new Fits()) {
                fits.addHDU(new nom.tam.fits.NullDataHDU());
                ImageHDU img = nom.tam.fits.ImageData.from(new float[8][9]).toHDU();
                img.getHeader().addValue("CTYPE1", "RA---TAN", "axis type");
                fits.addHDU(img);
                fits.write(inExtension.toFile());
            }
            for (Path file : List.of(withTable, inExtension)) {
                byte[] original = Files.readAllBytes(file);
                ProductSender.Sent s = sender.sendFile(file, "Aladin");
                assertNotEquals(file, s.served(), file.getFileName() + ": the image is served alone");
                byte[] body = aladin.next(WAIT).body();
                try (Fits f = new Fits(new ByteArrayInputStream(body))) {
                    BasicHDU<?>[] hdus = f.read();
                    assertEquals(1, hdus.length, file.getFileName() + ": one HDU");
                    assertEquals(9, hdus[0].getHeader().getIntValue("NAXIS1"));
                    assertFalse(hdus[0].getHeader().containsKey("EXTEND"), file.getFileName() + ": no EXTEND");
                }
                assertTrue(s.url().getPath().endsWith("/" + file.getFileName()), s.url() + " keeps the file's name");
                assertArrayEquals(original, Files.readAllBytes(file), "the user's file is left as it was");
            }
        }
    }

    /** @return the primary header's cards, up to END, as one string of 80-character cards */
    private static String headerCards(byte[] fits) {
        String text = new String(fits, 0, Math.min(fits.length, 2880 * 10), java.nio.charset.StandardCharsets.US_ASCII);
        int end = 0;
        while (end + 80 <= text.length() && !text.startsWith("END     ", end)) {
            end += 80;
        }
        return text.substring(0, end).replaceAll("(.{80})", "$1\n");
    }

    @Test
    void aFitsTableProductGoesAsTableLoadFitsAndIsRecorded() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable", "table.load.fits");
             FakeViewer votOnly = new FakeViewer(bus.hub(), "splat", "spectrum.load.ssa-generic", "table.load.votable");
             ProductSender sender = sender(operatorArchive)) {
            bus.connect(2);
            ProductSender.Sent s = sender.send(TABLE_TDT, null);
            assertEquals(ProductKind.TABLE, s.product().kind());
            Message m = topcat.next(WAIT).message();
            assertEquals("table.load.fits", m.getMType());
            assertEquals(s.id(), m.getParam("table-id"));
            assertEquals(s.url().toString(), m.getParam("url"));
            SentTable st = sent.byId(s.id());
            assertEquals(4, st.rowCount());
            StarTable t = new StarTableFactory(true).makeStarTable(new URLDataSource(s.url()), "fits");
            assertEquals(4, t.getRowCount());
            assertEquals("FLUX_12", t.getColumnInfo(3).getName());
            assertEquals(List.of(), votOnly.drain(), "takes VOTables only");
        }
        assertEquals(List.of(), sent.all(), "forgotten when the session closed");
    }

    @Test
    void aTarProductIsAClearErrorAndLeavesNothingBehind() throws Exception {
        try (FakeViewer everything = new FakeViewer(bus.hub(), "all", "spectrum.load.ssa-generic", "image.load.fits",
                 "table.load.fits");
             ProductSender sender = sender(operatorArchive)) {
            bus.connect(1);
            int live = bus.server().liveCount();
            ProductFormatException e = assertThrows(ProductFormatException.class, () -> sender.send(TAR_TDT, null));
            assertTrue(e.getMessage().startsWith(TAR_TDT + ".fits is not a FITS file: it is a tar archive (first"
                + " entry \""), e.getMessage());
            assertEquals(live, bus.server().liveCount());
            try (Stream<Path> left = Files.list(sender.sessionDir())) {
                assertEquals(0, left.count(), "the download was deleted");
            }
            ProductFormatException png = assertThrows(ProductFormatException.class,
                () -> sender.send(PNG_TDT, null));
            assertEquals(PNG_TDT + ".fits is not a FITS file: it is a PNG image", png.getMessage());
            assertEquals(List.of(), everything.drain());
        }
    }

    @Test
    void nobodyTakingTheMTypeNamesItAndTheClients() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             ProductSender sender = sender(archive)) {
            bus.connect(1);
            SampException e = assertThrows(SampException.class, () -> sender.send(LWS_SPECTRUM, null));
            assertTrue(e.getMessage().startsWith("nobody received 58002102.fits (spectrum): no client on the hub"
                + " takes spectrum.load.ssa-generic (clients: "), e.getMessage());
            assertTrue(e.getMessage().contains("topcat (" + topcat.id() + ")"), e.getMessage());
        }
    }

    @Test
    void toOneClientByNameOrIdAndClearErrorsForTheWrongOne() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             FakeViewer aladin = new FakeViewer(bus.hub(), "Aladin", "image.load.fits");
             FakeViewer ds9 = new FakeViewer(bus.hub(), "ds9", "image.load.fits");
             ProductSender sender = sender(archive)) {
            bus.connect(3);
            ProductSender.Sent s = sender.send(CAM_IMAGE, ds9.id());
            assertEquals(Set.of("ds9"), TableSenderTest.names(s.delivery().recipients()));
            assertEquals("image.load.fits", ds9.next(WAIT).message().getMType());
            assertEquals(List.of(), aladin.drain());
            SampException unknown = assertThrows(SampException.class, () -> sender.send(CAM_IMAGE, "gaia"));
            assertTrue(unknown.getMessage().startsWith("no SAMP client named \"gaia\" on the hub (clients: "),
                unknown.getMessage());
            assertTrue(unknown.getMessage().contains("Aladin") && unknown.getMessage().contains("topcat"),
                unknown.getMessage());
            SampException wrong = assertThrows(SampException.class, () -> sender.send(CAM_IMAGE, "TOPCAT"));
            assertEquals("cannot send 58302402.fits (image) to topcat (" + topcat.id() + "): it does not take"
                + " image.load.fits (it takes: table.load.votable)", wrong.getMessage());
        }
    }

    @Test
    void anErrorReplyIsReported() throws Exception {
        try (ScriptedViewer splat = new ScriptedViewer(bus.hub(), "splat", ScriptedViewer.Reply.ERROR,
                 "Spectrum load failed", "spectrum.load.ssa-generic");
             ProductSender sender = sender(archive)) {
            bus.connect(1);
            ProductSender.Sent s = sender.send(LWS_SPECTRUM, null);
            Response r = s.delivery().replies().values().iterator().next();
            assertEquals("samp.error", r.getStatus());
            assertEquals("Spectrum load failed", r.getErrInfo().getErrortxt());
            assertFalse(s.delivery().anyOk());
        }
    }

    @Test
    void closeRemovesServedProductsAndDownloads() throws Exception {
        try (FakeViewer splat = new FakeViewer(bus.hub(), "splat", "spectrum.load.ssa-generic");
             FakeViewer aladin = new FakeViewer(bus.hub(), "Aladin", "image.load.fits")) {
            bus.connect(2);
            ProductSender sender = sender(archive);
            ProductSender.Sent spectrum = sender.send(LWS_SPECTRUM, null);
            ProductSender.Sent image = sender.send(CAM_IMAGE, null);
            Path session = sender.sessionDir();
            assertTrue(Files.exists(spectrum.served()) && Files.exists(image.served()));
            sender.close();
            assertFalse(Files.exists(session), "downloads and the merged spectrum deleted");
            assertEquals(410, TableSenderTest.status(spectrum.url()));
            bus.samp().close();
            assertEquals(0, bus.server().liveCount());
        }
    }

    /** Asserts that a received message is the send of {@code s}: its MType, URL, id and name. */
    private static void assertAnnounces(Message m, String mtype, ProductSender.Sent s, String idParam, String name) {
        assertEquals(mtype, m.getMType());
        assertEquals(s.url().toString(), m.getParam("url"));
        assertEquals(s.id(), m.getParam(idParam));
        assertEquals(name, m.getParam("name"));
    }

    private static String contentType(java.net.URL url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestMethod("HEAD");
        try {
            assertEquals(200, c.getResponseCode());
            return c.getContentType();
        } finally {
            c.disconnect();
        }
    }
}
