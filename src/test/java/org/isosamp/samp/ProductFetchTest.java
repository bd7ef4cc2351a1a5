package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.archive.IsoArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.products.ProductFormatException;
import org.isosamp.products.ProductInspector;
import org.isosamp.products.ProductKind;
import org.isosamp.samp.ProductFetch.Fetched;
import org.isosamp.samp.ProductFetch.Request;
import org.isosamp.samp.ProductFetch.Then;
import org.isosamp.testing.OperatorArchive;
import org.isosamp.testing.ScriptedViewer;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestBus;
import org.isosamp.testing.TestFits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * What an activated row gets ({@link ProductFetch}, the core of TOPCAT's "ISO product" action), on the real local
 * archive without TOPCAT: each choice's files in the folder, the tables to load, the send to a SPLAT-like client on a
 * real hub, and the refusals with their reasons.
 */
class ProductFetchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LWS_SPECTRUM = ProductSenderTest.LWS_SPECTRUM;
    private static final String CAM_IMAGE = ProductSenderTest.CAM_IMAGE;
    private static final String TAR_TDT = ProductSenderTest.TAR_TDT;

    private static IsoArchive archive;

    @TempDir
    Path dir;

    @RegisterExtension
    final TestBus bus = new TestBus();

    @BeforeAll
    static void archive() {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
        archive = SharedArchive.client();
    }

    /** A fetch that must not reach SAMP. */
    private static ProductFetch noSamp() {
        return new ProductFetch(archive, () -> {
            throw new AssertionError("SAMP asked for without a send");
        }, WAIT);
    }

    @Test
    void loadOfAStandaloneSpectrumSavesItAndGivesOneTableWithEveryRow() throws IOException {
        Path folder = dir.resolve("products");   // created on first use
        Fetched f = noSamp().fetch(LWS_SPECTRUM, new Request(RetrievalType.STANDALONE, null, Then.LOAD, folder));
        assertEquals(folder.resolve(LWS_SPECTRUM + ".fits"), f.file());
        assertArrayEquals(Files.readAllBytes(archive.download(LWS_SPECTRUM, RetrievalType.STANDALONE, null,
            dir.resolve("direct"), null, null)), Files.readAllBytes(f.file()), "the product, complete");
        assertEquals(1, f.tables().size(), f.tables().toString());
        assertTrue(f.tables().get(0).startsWith(folder), "the table file is in the folder: " + f.tables());
        List<StarTable> tables = ProductFetch.readTables(f.tables(), new StarTableFactory(true));
        assertEquals(1, tables.size());
        assertEquals(ProductInspector.inspect(f.file()).rows(), tables.get(0).getRowCount(),
                     "every segment's rows in the one table");
        assertTrue(tables.get(0).isRandom());
        assertEquals(f.tables().get(0).getFileName().toString(), tables.get(0).getName());
        assertNull(f.sent());
        assertEquals(LWS_SPECTRUM + ": 1 table file from " + LWS_SPECTRUM + ".fits", f.summary());

        // a second activation of the same row replaces the files instead of failing on them
        Fetched again = noSamp().fetch(LWS_SPECTRUM, new Request(RetrievalType.STANDALONE, null, Then.LOAD, folder));
        assertEquals(f.tables(), again.tables());
    }

    @Test
    void anImageIsRefusedForLoadingWithTheReasonAndWhatToChooseInstead() {
        ProductFormatException e = assertThrows(ProductFormatException.class, () -> noSamp().fetch(CAM_IMAGE,
            new Request(RetrievalType.STANDALONE, null, Then.LOAD, dir)));
        assertTrue(e.getMessage().startsWith(CAM_IMAGE + ".fits is an image ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("choose \"send over SAMP\" to show it in Aladin or SPLAT"), e.getMessage());
        assertTrue(Files.exists(dir.resolve(CAM_IMAGE + ".fits")), "the image stays saved");
    }

    @Test
    void saveOfAnObservationTarAtALevelWritesTheWholeTar() throws IOException {
        Fetched f = noSamp().fetch(TAR_TDT, new Request(RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET,
            Then.SAVE, dir));
        assertTrue(f.file().getFileName().toString().endsWith(".tar"), f.file().toString());
        assertEquals(dir, f.file().getParent());
        Path direct = archive.download(TAR_TDT, RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET,
            dir.resolve("direct"), null, null);
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(f.file()));
        assertEquals(List.of(), f.tables());
        assertEquals(TAR_TDT + ": saved " + f.file(), f.summary());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "the tar and the direct folder, nothing unpacked, no part file");
        }
    }

    @Test
    void loadOfAnObservationTarOfImagesUnpacksItAndSaysThereIsNoTable() throws IOException {
        Request r = new Request(RetrievalType.OBSERVATION, null, Then.LOAD, dir);
        assertEquals(ProductLevel.DEFAULT_DATA_SET, r.level(), "the default level");
        ProductFormatException e = assertThrows(ProductFormatException.class, () -> noSamp().fetch(TAR_TDT, r));
        // the local archive's tars hold images (and GIFs, and inner tars) only
        Path tar = e.file();
        assertTrue(tar.getFileName().toString().endsWith(".tar"), tar.toString());
        Path unpacked = dir.resolve(tar.getFileName().toString().replaceFirst("\\.tar$", ""));
        assertEquals(tar.getFileName() + " holds no FITS table or tabular spectrum to load (unpacked in " + unpacked
                     + ")", e.getMessage());
        // the archive's name, ISO<n>.tar, and its top folder ././ISO<n>/ are one folder, not ISO<n>/ISO<n>/
        assertTrue(tar.getFileName().toString().matches("ISO\\d+\\.tar"), tar.toString());
        assertTrue(Files.isRegularFile(unpacked.resolve("EXTRAKON/psph" + TAR_TDT + ".fits")),
                   "the tar is unpacked for the user, as tar xf in its folder would");
    }

    @Test
    void loadOfAnObservationTarGivesTheTablesInsideItAndLeavesItsImages(@TempDir Path tmp) throws IOException {
        // the local archive's operator override: a tar of the same name holding a FITS table and an image
        Path real = archive.download(TAR_TDT, RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET, tmp, null,
            null);
        Path table = TestFits.binaryTable(tmp.resolve("t.fits"), "J021200.0+613000",
            new String[] {"SOURCE", "FLUX_12"}, new String[] {null, "Jy"},
            new String[] {"s1", "s2", "s3"}, new float[] {1.5f, 2.5f, 0.3f});
        Path image = TestFits.image(tmp.resolve("i.fits"), 8, 8, "RA---TAN", "deg");
        Path tar = tmp.resolve("made.tar");
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                 Files.newOutputStream(tar))) {
            for (Path p : List.of(table, image)) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(p.toFile(),
                    "ISO1/PHT/" + p.getFileName());
                out.putArchiveEntry(entry);
                Files.copy(p, out);
                out.closeArchiveEntry();
            }
        }
        try (OperatorArchive op = OperatorArchive.start(java.util.Map.of(real.getFileName().toString(),
                 Files.readAllBytes(tar)))) {
            IsoArchive from = new IsoArchive(okhttp3.HttpUrl.get(op.baseUrl()), IsoArchive.defaultHttpClient());
            Fetched f = new ProductFetch(from, () -> {
                throw new AssertionError("no SAMP");
            }, WAIT).fetch(TAR_TDT, new Request(RetrievalType.OBSERVATION, null, Then.LOAD, dir));
            Path unpacked = dir.resolve(real.getFileName().toString().replaceFirst("\\.tar$", ""));
            assertEquals(List.of(unpacked.resolve("ISO1/PHT/t.fits")), f.tables());
            List<StarTable> tables = ProductFetch.readTables(f.tables(), new StarTableFactory(true));
            assertEquals(1, tables.size());
            assertEquals(3, tables.get(0).getRowCount());
            assertTrue(Files.exists(unpacked.resolve("ISO1/PHT/i.fits")), "the image unpacked, not loaded");
        }
    }

    @Test
    void postcardIsAPngInTheFolder() throws IOException {
        Fetched f = noSamp().fetch(CAM_IMAGE, new Request(RetrievalType.STANDALONE, null, Then.POSTCARD, dir));
        assertEquals(dir, f.file().getParent());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(f.file()), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
    }

    @Test
    void sendGoesToTheSplatLikeClientAndSaysWhoLoadedIt() throws Exception {
        try (ScriptedViewer splat = new ScriptedViewer(bus.hub(), "splat", ScriptedViewer.Reply.OK, null,
                 "spectrum.load.ssa-generic");
             ProductSender sender = new ProductSender(bus.samp(), bus.server(), archive, new SentTables(), WAIT, 5)) {
            bus.connect(1);
            ProductFetch fetch = new ProductFetch(archive, () -> sender, WAIT);
            Fetched f = fetch.fetch(LWS_SPECTRUM, new Request(RetrievalType.STANDALONE, null, Then.SEND, dir));
            assertEquals(ProductKind.SPECTRUM, f.sent().product().kind());
            assertEquals("spectrum.load.ssa-generic", splat.next(WAIT).message().getMType());
            assertEquals(LWS_SPECTRUM + ": " + LWS_SPECTRUM + ".fits (spectrum) sent to splat", f.summary());
            assertTrue(Files.exists(dir.resolve(LWS_SPECTRUM + ".fits")), "saved in the folder too");
        }
    }

    @Test
    void aSendNobodyLoadsFailsNamingTheFileAndTheReplies() throws Exception {
        try (ScriptedViewer splat = new ScriptedViewer(bus.hub(), "splat", ScriptedViewer.Reply.ERROR, "bad",
                 "spectrum.load.ssa-generic");
             ProductSender sender = new ProductSender(bus.samp(), bus.server(), archive, new SentTables(), WAIT, 5)) {
            bus.connect(1);
            ProductFetch fetch = new ProductFetch(archive, () -> sender, WAIT);
            IOException e = assertThrows(IOException.class, () -> fetch.fetch(LWS_SPECTRUM,
                new Request(RetrievalType.STANDALONE, null, Then.SEND, dir)));
            assertEquals("no receiver loaded " + LWS_SPECTRUM + ".fits (1 replied with an error)", e.getMessage());
        }
    }

    @Test
    void combinationsThatCannotWorkAreRefusedWithTheReason() {
        assertEquals("an OBSERVATION tar cannot be sent over SAMP: choose STANDALONE to send",
                     Request.problem(RetrievalType.OBSERVATION, Then.SEND));
        assertThrows(IllegalArgumentException.class,
                     () -> new Request(RetrievalType.OBSERVATION, null, Then.SEND, dir));
        assertEquals("retrieval type POSTCARD: choose \"show postcard\" instead",
                     Request.problem(RetrievalType.POSTCARD, Then.SAVE));
        assertNull(Request.problem(RetrievalType.STANDALONE, Then.SEND));
        assertNull(new Request(RetrievalType.STANDALONE, ProductLevel.RAW_DATA, Then.SAVE, dir).level(),
                   "no level for STANDALONE");
    }

    @Test
    void tdtsComeFromNumbersAndDigitsInEightDigits() {
        assertEquals("80000203", ProductFetch.tdt(80000203));
        assertEquals("02400103", ProductFetch.tdt(2400103L));
        assertEquals("02400103", ProductFetch.tdt(" 2400103 "));
        assertEquals("58002102", ProductFetch.tdt("58002102"));
        assertEquals("\"M31\" is not a TDT (digits only)",
                     assertThrows(IllegalArgumentException.class, () -> ProductFetch.tdt("M31")).getMessage());
        assertEquals("no TDT in this row (the cell is empty)",
                     assertThrows(IllegalArgumentException.class, () -> ProductFetch.tdt(null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProductFetch.tdt(1.5));
        assertThrows(IllegalArgumentException.class, () -> ProductFetch.tdt(0));
    }
}
