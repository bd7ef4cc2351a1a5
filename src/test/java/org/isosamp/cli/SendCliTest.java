package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.OperatorArchive;
import org.isosamp.testing.ScriptedViewer;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send-table} and {@code send-product} against a real in-process hub and the local archive. */
class SendCliTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ADQL = "SELECT TOP 5 tdt, target_name, ra, dec FROM ivoa.ssap ORDER BY tdt";

    static void oneErrorLine(CliRun r, String start) {
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(start), r.err());
    }

    @Test
    void aQueryResultGoesToEveryTableClientEachReplyPrintedWithAFreshIdPerRun() throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer topcat = new FakeViewer(hub, "topcat", "table.load.votable");
             FakeViewer splat = new FakeViewer(hub, "splat", "spectrum.load.ssa-generic", "table.load.votable");
             FakeViewer aladin = new FakeViewer(hub, "Aladin", "image.load.fits", "table.load.votable")) {
            CliRun r = CliRun.run("send-table", ADQL, "--samp-hub", hub.sampHub());
            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of("Aladin (" + aladin.id() + "): samp.ok", "splat (" + splat.id() + "): samp.ok",
                "topcat (" + topcat.id() + "): samp.ok"), r.lines().stream().sorted().toList());
            Message m = topcat.next(WAIT).message();
            assertEquals("table.load.votable", m.getMType());
            assertEquals(ADQL, m.getParam("name"));
            assertEquals(m.getParam("table-id"), splat.next(WAIT).message().getParam("table-id"));
            assertNotNull(aladin.next(WAIT));

            CliRun again = CliRun.run("send-table", ADQL, "--name", "ssap", "--samp-hub", hub.sampHub());
            assertEquals(0, again.exit(), again.err());
            Message m2 = topcat.next(WAIT).message();
            assertNotEquals(m.getParam("table-id"), m2.getParam("table-id"),
                "a new run, a new table-id (TOPCAT refuses repeats)");
            assertEquals("ssap", m2.getParam("name"));
        }
    }

    @Test
    void aTableFileGoesToTheOneClientNamed(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("sources.csv"), "name,ra,dec\na,10.5,41.2\nb,10.6,41.3\n");
        try (TestHub hub = TestHub.start();
             FakeViewer topcat = new FakeViewer(hub, "topcat", "table.load.votable");
             FakeViewer fitsOnly = new FakeViewer(hub, "fitsonly", "table.load.fits")) {
            CliRun r = CliRun.run("send-table", "--file", csv.toString(), "--to", "FITSONLY", "--samp-hub",
                hub.sampHub());
            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of("fitsonly (" + fitsOnly.id() + "): samp.ok"), r.lines());
            Message m = fitsOnly.next(WAIT).message();
            assertEquals("table.load.fits", m.getMType());
            assertEquals("sources.csv", m.getParam("name"));
            assertEquals(List.of(), topcat.drain());
        }
    }

    @Test
    void errorsAndSilenceArePrintedPerReceiverAndNobodyLoadingItFails() throws Exception {
        try (TestHub hub = TestHub.start();
             ScriptedViewer bad = new ScriptedViewer(hub, "bad", ScriptedViewer.Reply.ERROR, "Duplicate table-id",
                 "table.load.votable");
             ScriptedViewer mute = new ScriptedViewer(hub, "mute", ScriptedViewer.Reply.SILENT, null,
                 "table.load.votable")) {
            CliRun r = CliRun.run("send-table", ADQL, "--timeout", "1", "--samp-hub", hub.sampHub());
            assertEquals(List.of("bad (" + bad.id() + "): samp.error: Duplicate table-id",
                "mute (" + mute.id() + "): no reply in 1 s"), r.lines());
            oneErrorLine(r, "iso-samp send-table: no receiver loaded the table (1 replied with an error, 1 sent no"
                + " reply in 1 s)");
            try (ScriptedViewer good = new ScriptedViewer(hub, "good", ScriptedViewer.Reply.WARNING, "1 column"
                + " dropped", "table.load.votable")) {
                CliRun some = CliRun.run("send-table", ADQL, "--timeout", "1", "--samp-hub", hub.sampHub());
                assertEquals(0, some.exit(), "a warning is a load with problems: " + some.err());
                assertTrue(some.lines().contains("good (" + good.id() + "): samp.warning: 1 column dropped"),
                    some.out());
            }
        }
    }

    @Test
    void anUnknownReceiverIsOneLineListingTheClients() throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer topcat = new FakeViewer(hub, "topcat", "table.load.votable")) {
            CliRun r = CliRun.run("send-table", ADQL, "--to", "splat", "--samp-hub", hub.sampHub());
            oneErrorLine(r, "iso-samp send-table: no SAMP client named \"splat\" on the hub (clients: ");
            assertTrue(r.err().contains("topcat (" + topcat.id() + ")"), r.err());
            CliRun p = CliRun.run("send-product", ProductTdts.SPECTRUM, "--to", "splat", "--samp-hub", hub.sampHub());
            oneErrorLine(p, "iso-samp send-product: no SAMP client named \"splat\" on the hub (clients: ");
        }
    }

    @Test
    void withOnlyItsOwnHubNobodyReceivesIt(@TempDir Path dir) {
        Path lock = dir.resolve("samp.lock");
        CliRun r = CliRun.run("send-table", ADQL, "--hub", "--samp-hub", lock.toString());
        oneErrorLine(r, "iso-samp send-table: nobody received the table: no client on the hub takes"
            + " table.load.votable or table.load.fits (clients: ");
        assertTrue(!Files.exists(lock), "the hub stopped with the command");
        CliRun p = CliRun.run("send-product", ProductTdts.IMAGE, "--hub", "--samp-hub", lock.toString());
        oneErrorLine(p, "iso-samp send-product: nobody received 58302402.fits (image): no client on the hub takes"
            + " image.load.fits (clients: ");
    }

    @Test
    void badInputIsOneClearLine(@TempDir Path dir) throws Exception {
        try (TestHub hub = TestHub.start()) {
            // usage errors: the error, a hint, exit 2
            UsageErrorsTest.usage(CliRun.run("send-table", "--samp-hub", hub.sampHub()), "iso-samp send-table",
                "give either an ADQL query or --file, not neither");
            Path csv = Files.writeString(dir.resolve("t.csv"), "a\n1\n");
            UsageErrorsTest.usage(CliRun.run("send-table", ADQL, "--file", csv.toString(), "--samp-hub",
                hub.sampHub()), "iso-samp send-table", "give either an ADQL query or --file, not both");
            oneErrorLine(CliRun.run("send-table", "--file", dir.resolve("nope.vot").toString(), "--samp-hub",
                hub.sampHub()), "iso-samp send-table: " + dir.resolve("nope.vot") + ": no such table file");
            Path junk = Files.write(dir.resolve("junk.dat"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7});
            oneErrorLine(CliRun.run("send-table", "--file", junk.toString(), "--samp-hub", hub.sampHub()),
                "iso-samp send-table: cannot read " + junk + " as a table: ");
            oneErrorLine(CliRun.run("send-table", "SELECT nonsense FROM nowhere", "--samp-hub", hub.sampHub()),
                "iso-samp send-table: ");
            UsageErrorsTest.usage(CliRun.run("send-table", ADQL, "--timeout", "0", "--samp-hub", hub.sampHub()),
                "iso-samp send-table", "'0' is not 1 or more");
        }
    }

    @Test
    void aSpectrumGoesToSplatAndAnImageToAladin() throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer topcat = new FakeViewer(hub, "topcat", "table.load.votable");
             ScriptedViewer splat = new ScriptedViewer(hub, "splat", ScriptedViewer.Reply.OK, null,
                 "spectrum.load.ssa-generic", "table.load.votable");
             FakeViewer aladin = new FakeViewer(hub, "Aladin", "image.load.fits", "table.load.votable")) {
            CliRun r = CliRun.run("send-product", ProductTdts.SPECTRUM, "--samp-hub", hub.sampHub());
            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of("splat (" + splat.id() + "): samp.ok"), r.lines());
            ScriptedViewer.Loaded got = splat.next(WAIT);
            assertEquals("spectrum.load.ssa-generic", got.message().getMType());
            Map<?, ?> meta = (Map<?, ?>) got.message().getParam("meta");
            assertEquals("application/fits", meta.get("Access.Format"));
            assertEquals("WAVE FLUX STDEV", meta.get("vox:spectrum_axes"));
            assertTrue(got.body() != null && new String(got.body(), 0, 9, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("SIMPLE  ="), "the served URL was alive while SPLAT loaded it");

            CliRun i = CliRun.run("send-product", ProductTdts.IMAGE, "--to", aladin.id(), "--samp-hub",
                hub.sampHub());
            assertEquals(0, i.exit(), i.err());
            assertEquals(List.of("Aladin (" + aladin.id() + "): samp.ok"), i.lines());
            assertEquals("image.load.fits", aladin.next(WAIT).message().getMType());
            assertEquals(List.of(), topcat.drain());
        }
    }

    @Test
    void aProductNobodyTakesNamesTheMTypeAndTheClients() throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer topcat = new FakeViewer(hub, "topcat", "table.load.votable")) {
            CliRun r = CliRun.run("send-product", ProductTdts.SPECTRUM, "--samp-hub", hub.sampHub());
            oneErrorLine(r, "iso-samp send-product: nobody received 58002102.fits (spectrum): no client on the hub"
                + " takes spectrum.load.ssa-generic (clients: ");
            assertTrue(r.err().contains("topcat (" + topcat.id() + ")"), r.err());
        }
    }

    @Test
    void aTarWhereAFitsProductShouldBeIsOneClearLine(@TempDir Path dir) throws Exception {
        Path tar = new org.isosamp.archive.IsoArchive(okhttp3.HttpUrl.get(SharedArchive.get().baseUrl().toString()),
            org.isosamp.archive.IsoArchive.defaultHttpClient()).download("80000203", RetrievalType.OBSERVATION,
            ProductLevel.DEFAULT_DATA_SET, dir, "x", null);
        try (OperatorArchive operator = OperatorArchive.start(Map.of("80000203.fits", Files.readAllBytes(tar)));
             TestHub hub = TestHub.start();
             FakeViewer aladin = new FakeViewer(hub, "Aladin", "image.load.fits")) {
            CliRun r = CliRun.run("send-product", "80000203", "--archive", operator.baseUrl(), "--no-cache",
                "--quiet", "--samp-hub", hub.sampHub());
            oneErrorLine(r, "iso-samp send-product: 80000203.fits is not a FITS file: it is a tar archive (first"
                + " entry \"");
            assertEquals(List.of(), aladin.drain());
        }
    }

    @Test
    void theCommandsAreRegistered() {
        CliRun r = CliRun.run("--help");
        assertTrue(r.out().contains("send-table") && r.out().contains("send-product"), r.out());
    }

    /** STANDALONE products of the local archive's samples. */
    static final class ProductTdts {
        /** LWS01 (the astroquery docs' example): 11 ASCII table segments. */
        static final String SPECTRUM = "58002102";
        /** CAM01, in ivoa.siap. */
        static final String IMAGE = "58302402";

        private ProductTdts() {
        }
    }
}
