package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.SampException;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.ScriptedViewer;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestBus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.util.URLDataSource;

/** Tables sent to TOPCAT-, SPLAT- and Aladin-like clients on a real in-process hub: a real query of the local archive. */
class TableSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ADQL = "SELECT TOP 7 tdt, target_name, ra, dec, wavelength_min FROM ivoa.ssap"
        + " ORDER BY tdt";

    private static StarTable result;

    @RegisterExtension
    final TestBus bus = new TestBus();

    private final SentTables sent = new SentTables();

    @BeforeAll
    static void query() throws IOException {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
        result = SharedArchive.client().query(org.isosamp.archive.QueryRequest.builder(ADQL).maxrec(100).build()).table();
        assertEquals(7, result.getRowCount());
    }

    /** @return a sender with the default reply timeout and bound on served tables */
    private TableSender sender() {
        return new TableSender(bus.samp(), bus.server(), sent);
    }

    @Test
    void queryResultGoesAsVotableToEveryTableClientWithAFreshIdEachTime() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable", "table.load.fits");
             FakeViewer splat = new FakeViewer(bus.hub(), "splat", "spectrum.load.ssa-generic", "table.load.votable");
             FakeViewer aladin = new FakeViewer(bus.hub(), "Aladin", "image.load.fits", "table.load.votable");
             FakeViewer ds9 = new FakeViewer(bus.hub(), "ds9", "image.load.fits");
             TableSender sender = sender()) {
            bus.connect(4);
            TableSender.Published first = sender.publish(result, "ssap rows", null);
            assertEquals(Set.of("topcat", "splat", "Aladin"), names(first.delivery().recipients()));
            assertEquals(3, first.delivery().replies().size());
            first.delivery().replies().values().forEach(r -> assertTrue(r.isOK(), r.toString()));
            assertTrue(first.delivery().silent().isEmpty());
            String id1 = first.table().tableId();
            assertTrue(id1.matches("iso-samp-\\d+-[0-9a-f]{8}"), id1);
            for (FakeViewer v : List.of(topcat, splat, aladin)) {
                Message m = v.next(WAIT).message();
                assertEquals("table.load.votable", m.getMType());
                assertEquals(id1, m.getParam("table-id"));
                assertEquals("ssap rows", m.getParam("name"));
                assertEquals(first.table().url().toString(), m.getParam("url"));
            }
            assertEquals(List.of(), ds9.drain(), "ds9 takes no tables");

            // the URL serves a VOTable (BINARY2) that STIL reads back with the same rows
            URL url = first.table().url();
            assertEquals("127.0.0.1", url.getHost());
            StarTable back = new StarTableFactory(true).makeStarTable(new URLDataSource(url), "votable");
            assertSameRows(result, back);
            assertTrue(new String(read(url), java.nio.charset.StandardCharsets.UTF_8).contains("<BINARY2>"));
            assertEquals(7, first.table().rowCount());
            assertEquals(first.table(), sent.byId(id1));
            assertEquals(first.table(), sent.byUrl(url.toString()));

            TableSender.Published second = sender.publish(result, "ssap rows", null);
            String id2 = second.table().tableId();
            assertNotEquals(id1, id2, "TOPCAT refuses a repeated table-id");
            assertNotEquals(first.table().url(), second.table().url());
            assertEquals(id2, topcat.next(WAIT).message().getParam("table-id"));
            assertEquals(2, sent.all().size());
        }
    }

    @Test
    void aFitsOnlyClientGetsFitsBasicWithItsOwnIdAndUrl() throws Exception {
        try (FakeViewer votClient = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             FakeViewer fitsClient = new FakeViewer(bus.hub(), "fitsonly", "table.load.fits");
             TableSender sender = sender()) {
            bus.connect(2);
            TableSender.Published p = sender.publish(result, "ssap rows", null);
            assertEquals(2, p.formats().size());
            Message vm = votClient.next(WAIT).message();
            Message fm = fitsClient.next(WAIT).message();
            assertEquals("table.load.votable", vm.getMType());
            assertEquals("table.load.fits", fm.getMType());
            assertNotEquals(vm.getParam("table-id"), fm.getParam("table-id"));
            SentTable fits = sent.byId((String) fm.getParam("table-id"));
            assertEquals(fm.getParam("url"), fits.url().toString());
            assertTrue(fits.file().getFileName().toString().endsWith(".fits"));
            // plain FITS (fits-basic): a data-less primary, then the binary table STIL reads back
            byte[] body = read(fits.url());
            assertTrue(new String(body, 0, 80, java.nio.charset.StandardCharsets.US_ASCII).startsWith("SIMPLE  ="));
            try (nom.tam.fits.Fits f = new nom.tam.fits.Fits(new java.io.ByteArrayInputStream(body))) {
                nom.tam.fits.BasicHDU<?>[] hdus = f.read();
                assertEquals(0, hdus[0].getHeader().getIntValue("NAXIS"), "no VOTable in the primary: fits-basic");
                assertTrue(hdus[1] instanceof nom.tam.fits.BinaryTableHDU);
            }
            assertSameRows(result, new StarTableFactory(true).makeStarTable(new URLDataSource(fits.url()), "fits"));
        }
    }

    @Test
    void everyReplyIsReportedAndTheUrlIsAliveWhileReceiversLoadIt() throws Exception {
        try (ScriptedViewer ok = new ScriptedViewer(bus.hub(), "good", ScriptedViewer.Reply.OK, null,
                 "table.load.votable");
             ScriptedViewer bad = new ScriptedViewer(bus.hub(), "bad", ScriptedViewer.Reply.ERROR,
                 "Duplicate table-id", "table.load.votable");
             ScriptedViewer meh = new ScriptedViewer(bus.hub(), "meh", ScriptedViewer.Reply.WARNING,
                 "2 columns dropped", "table.load.votable");
             ScriptedViewer mute = new ScriptedViewer(bus.hub(), "mute", ScriptedViewer.Reply.SILENT, null,
                 "table.load.votable");
             TableSender sender = new TableSender(bus.samp(), bus.server(), sent, Duration.ofSeconds(3), 10)) {
            bus.connect(4);
            long t0 = System.nanoTime();
            TableSender.Published p = sender.publish(result, "t", null);
            // the replying ones answer in milliseconds; 3 s leaves them room on a loaded machine
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "the silent one costs the timeout, not more");
            Delivery d = p.delivery();
            Map<String, Response> byName = new java.util.HashMap<>();
            d.replies().forEach((peer, r) -> byName.put(peer.name(), r));
            assertEquals("samp.ok", byName.get("good").getStatus());
            assertEquals("samp.error", byName.get("bad").getStatus());
            assertEquals("Duplicate table-id", byName.get("bad").getErrInfo().getErrortxt());
            assertEquals("samp.warning", byName.get("meh").getStatus());
            assertEquals("2 columns dropped", byName.get("meh").getErrInfo().getErrortxt());
            assertFalse(byName.containsKey("mute"));
            assertEquals(Set.of("mute"), names(d.silent()));
            assertTrue(d.anyOk());
            // each receiver loaded the table while the sender waited
            for (ScriptedViewer v : List.of(ok, bad, meh, mute)) {
                ScriptedViewer.Loaded l = v.next(WAIT);
                assertNull(l.error());
                assertTrue(l.body().length > 100);
            }
        }
    }

    @Test
    void toOneClientByNameOrId() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             FakeViewer aladin = new FakeViewer(bus.hub(), "Aladin", "image.load.fits", "table.load.votable");
             TableSender sender = sender()) {
            bus.connect(2);
            TableSender.Published p = sender.publish(result, "t", "aladin");
            assertEquals(Set.of("Aladin"), names(p.delivery().recipients()));
            assertNotNull(aladin.next(WAIT));
            assertEquals(List.of(), topcat.drain());
            TablePublisher.Sent s = sender.send(result, "t", topcat.id());
            assertEquals(Set.of("topcat"), names(s.replies().keySet()));
            assertEquals("table.load.votable", topcat.next(WAIT).message().getMType());
        }
    }

    @Test
    void anUnknownNameListsTheClientsAndSendsNothing() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             TableSender sender = sender()) {
            bus.connect(1);
            SampException e = assertThrows(SampException.class, () -> sender.publish(result, "t", "splat"));
            assertTrue(e.getMessage().startsWith("no SAMP client named \"splat\" on the hub (clients: "),
                e.getMessage());
            assertTrue(e.getMessage().contains("topcat (" + topcat.id() + ")"), e.getMessage());
            assertNull(sender.sessionDir(), "nothing written");
            assertEquals(List.of(), sent.all());
        }
    }

    @Test
    void aNamedClientThatTakesNoTablesIsRefusedSayingWhatItTakes() throws Exception {
        try (FakeViewer ds9 = new FakeViewer(bus.hub(), "ds9", "image.load.fits");
             TableSender sender = sender()) {
            bus.connect(1);
            SampException e = assertThrows(SampException.class, () -> sender.publish(result, "t", "ds9"));
            assertEquals("cannot send the table to ds9 (" + ds9.id() + "): it does not take table.load.votable or"
                + " table.load.fits (it takes: image.load.fits)", e.getMessage());
        }
    }

    @Test
    void nobodyTakingTablesIsOneClearError() throws Exception {
        try (FakeViewer ds9 = new FakeViewer(bus.hub(), "ds9", "image.load.fits");
             TableSender sender = sender()) {
            bus.connect(1);
            SampException e = assertThrows(SampException.class, () -> sender.publish(result, "t", null));
            assertTrue(e.getMessage().startsWith("nobody received the table: no client on the hub takes"
                + " table.load.votable or table.load.fits (clients: "), e.getMessage());
            assertTrue(e.getMessage().contains("ds9"), e.getMessage());
        }
    }

    @Test
    void olderTablesExpireBeyondTheBound() throws Exception {
        try (FakeViewer topcat = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             TableSender sender = new TableSender(bus.samp(), bus.server(), sent, WAIT, 2)) {
            bus.connect(1);
            int base = bus.server().liveCount();   // the icon
            SentTable a = sender.publish(result, "a", null).table();
            SentTable b = sender.publish(result, "b", null).table();
            assertEquals(base + 2, bus.server().liveCount());
            SentTable c = sender.publish(result, "c", null).table();
            assertEquals(base + 2, bus.server().liveCount());
            assertEquals(2, sender.servedSends());
            assertEquals(410, status(a.url()), "expired: Gone");
            assertFalse(Files.exists(a.file()));
            assertNull(sent.byId(a.tableId()));
            assertEquals(200, status(b.url()));
            assertEquals(200, status(c.url()));
            assertEquals(List.of(b, c), sent.all());
        }
    }

    @Test
    void closeRemovesEveryServedTableAndTempFile() throws Exception {
        try (FakeViewer fitsClient = new FakeViewer(bus.hub(), "fitsonly", "table.load.fits");
             FakeViewer votClient = new FakeViewer(bus.hub(), "topcat", "table.load.votable")) {
            bus.connect(2);
            TableSender sender = sender();
            TableSender.Published p = sender.publish(result, "a", null);
            sender.publish(result, "b", null);
            Path dir = sender.sessionDir();
            assertTrue(Files.isDirectory(dir));
            assertEquals(4, sent.all().size());
            sender.close();
            assertFalse(Files.exists(dir), "session folder deleted");
            assertEquals(List.of(), sent.all());
            assertEquals(410, status(p.table().url()));
            bus.samp().close();
            assertEquals(0, bus.server().liveCount());
            assertThrows(IllegalStateException.class, () -> sender.publish(result, "c", null));
        }
    }

    @Test
    void notConnectedSaysSo() {
        try (TableSender sender = sender()) {
            SampException e = assertThrows(SampException.class, () -> sender.publish(result, "t", null));
            assertEquals("not connected to a SAMP hub", e.getMessage());
        }
    }

    static Set<String> names(java.util.Collection<SampPeer> peers) {
        Set<String> out = new HashSet<>();
        peers.forEach(p -> out.add(p.name()));
        return out;
    }

    static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    static int status(URL url) throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        try {
            return c.getResponseCode();
        } finally {
            c.disconnect();
        }
    }

    static void assertSameRows(StarTable expected, StarTable actual) throws IOException {
        assertEquals(expected.getColumnCount(), actual.getColumnCount());
        assertEquals(expected.getRowCount(), actual.getRowCount());
        for (int c = 0; c < expected.getColumnCount(); c++) {
            assertEquals(expected.getColumnInfo(c).getName(), actual.getColumnInfo(c).getName());
        }
        try (RowSequence e = expected.getRowSequence(); RowSequence a = actual.getRowSequence()) {
            while (e.next()) {
                assertTrue(a.next());
                Object[] er = e.getRow();
                Object[] ar = a.getRow();
                String[] es = new String[er.length];
                String[] as = new String[ar.length];
                for (int i = 0; i < er.length; i++) {
                    es[i] = String.valueOf(er[i]);
                    as[i] = String.valueOf(ar[i]);
                }
                assertArrayEquals(es, as);
            }
            assertFalse(a.next());
        }
    }
}
