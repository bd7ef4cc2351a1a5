package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.SampException;
import org.astrogrid.samp.gui.GuiHubConnector;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.TestBus;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SampClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final TestBus bus = new TestBus();

    private static AbstractMessageHandler handler(String mtype) {
        return new AbstractMessageHandler(mtype) {
            @Override
            public Map<?, ?> processCall(HubConnection c, String senderId, Message msg) {
                return null;
            }
        };
    }

    @Test
    void manifestInTheJarIsTheOneInPluginManifest() throws Exception {
        SampManifest fromRepo = SampManifest.parse(Files.readString(Path.of("plugin-manifest/iso-samp.json")));
        SampManifest packed = SampManifest.load();
        assertEquals(fromRepo.subscribes(), packed.subscribes());
        assertEquals(fromRepo.sends(), packed.sends());
        assertEquals(fromRepo.name(), packed.name());
        assertNotNull(packed.iconUrl(), "icon " + packed.iconResource() + " packed beside the manifest");
        assertTrue(packed.subscribes().containsKey("coord.pointAt.sky"));
        assertEquals("0", packed.subscribes().get("coord.pointAt.sky").get("x-samp.mostly-harmless"),
            "pointAt runs archive queries: web pages must not send it without the user's consent");
    }

    @Test
    void registersWithManifestMetadataSeenByAnotherClient() throws Exception {
        try (SampClient samp = bus.samp();
             FakeViewer viewer = new FakeViewer(bus.hub(), "viewer", "table.load.votable")) {
            samp.addHandler(handler("table.highlight.row"));
            bus.connect(1);
            String self = samp.selfId();
            HubConnection vc = viewer.connector().getConnection();
            Metadata meta = vc.getMetadata(self);
            SampManifest m = SampManifest.load();
            assertEquals(m.name(), meta.getName());
            assertEquals(m.description(), meta.getDescriptionText());
            assertEquals(m.documentation(), String.valueOf(meta.getDocumentationUrl()));
            // the icon URL is one other clients can read: our loopback server, a valid PNG
            URL icon = meta.getIconUrl();
            assertEquals("127.0.0.1", icon.getHost());
            try (InputStream in = icon.openStream()) {
                assertEquals(48, ImageIO.read(in).getWidth());
            }
            // subscriptions as seen by the hub: the manifest's, for what this instance handles
            Set<Object> subs = new HashSet<>(vc.getSubscriptions(self).keySet());
            assertTrue(subs.contains("table.highlight.row"));
            assertTrue(subs.contains("samp.app.ping"));
            assertTrue(!subs.contains("coord.pointAt.sky"), "no handler, no subscription");
            assertTrue(!subs.contains("client.env.get"), "our environment is nobody's business");
            assertEquals("1", ((Map<?, ?>) vc.getSubscriptions(self).get("table.highlight.row"))
                .get("x-samp.mostly-harmless"));
            // and it answers ping
            Response pong = viewer.connector().callAndWait(self, new Message("samp.app.ping"), 10);
            assertTrue(pong.isOK());
        }
    }

    @Test
    void handlerForAnMTypeTheManifestDoesNotListIsRefused() {
        try (SampClient samp = bus.samp()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> samp.addHandler(handler("script.aladin.send")));
            assertTrue(e.getMessage().contains("script.aladin.send"), e.getMessage());
        }
    }

    @Test
    void findsPeersByNameOrIdAndNamesThemWhenNoneMatches() throws Exception {
        try (SampClient samp = bus.samp();
             FakeViewer a = new FakeViewer(bus.hub(), "topcat", "table.load.votable");
             FakeViewer b = new FakeViewer(bus.hub(), "Aladin", "image.load.fits")) {
            bus.connect(2);   // topcat, Aladin
            assertEquals(a.id(), samp.peer("TOPCAT").id());
            assertEquals(b.id(), samp.peer(b.id()).id());
            assertTrue(samp.peer("aladin").subscribes("image.load.fits"));
            SampException e = assertThrows(SampException.class, () -> samp.peer("splat"));
            assertTrue(e.getMessage().contains("splat") && e.getMessage().contains("topcat")
                && e.getMessage().contains("Aladin"), e.getMessage());
        }
    }

    @Test
    void callAllReportsEveryReply() throws Exception {
        try (SampClient samp = bus.samp();
             FakeViewer a = new FakeViewer(bus.hub(), "one", "table.load.votable");
             FakeViewer b = new FakeViewer(bus.hub(), "two", "table.load.votable");
             FakeViewer c = new FakeViewer(bus.hub(), "three", "image.load.fits")) {
            samp.start(0);
            assertTrue(samp.awaitConnection(WAIT));
            Message msg = new Message("table.load.votable").addParam("url", "file:/nowhere.vot");
            Map<SampPeer, Response> replies = samp.callAllAndWait(msg, WAIT);
            Set<String> names = new HashSet<>();
            replies.forEach((p, r) -> {
                names.add(p.name());
                assertTrue(r.isOK());
            });
            assertEquals(Set.of("one", "two"), names);
            assertNotNull(a.next(WAIT));
            assertNotNull(b.next(WAIT));
            assertEquals(List.of(), c.drain());
        }
    }

    @Test
    void survivesAHubRestart() throws Exception {
        try (SampClient samp = bus.samp();
             FakeViewer ignored = new FakeViewer(bus.hub(), "early", "table.load.votable")) {
            samp.addHandler(handler("table.highlight.row"));
            List<Boolean> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
            samp.addConnectionListener(changes::add);
            samp.start(1);
            assertTrue(samp.awaitConnection(WAIT));
            String firstId = samp.selfId();
            bus.hub().restart();
            waitFor(() -> changes.contains(false));
            assertTrue(samp.awaitConnection(WAIT), "registered again with the new hub");
            assertNotNull(samp.selfId());
            // a client of the new hub sees our metadata and subscriptions, re-declared
            try (FakeViewer late = new FakeViewer(bus.hub(), "late", "table.load.votable")) {
                HubConnection vc = late.connector().getConnection();
                assertEquals("iso-samp", vc.getMetadata(samp.selfId()).getName());
                assertTrue(vc.getSubscriptions(samp.selfId()).containsKey("table.highlight.row"));
                waitFor(() -> samp.peers().stream().anyMatch(p -> p.name().equals("late")));
                assertTrue(samp.peers().stream().noneMatch(p -> p.name().equals("early")),
                    "clients of the old hub are forgotten");
            }
            assertTrue(firstId != null);
        }
    }

    /**
     * A hub that dies without a word (SIGKILL of its JVM: no shutdown message, its lockfile left behind), then a
     * new hub at the same lockfile: iso-samp, as {@code listen} runs it (autoconnect on), notices, says so once,
     * registers with the new hub and takes messages there.
     */
    @Test
    void comesBackAfterTheHubIsKilled() throws Exception {
        comesBackAfterTheHubIsKilled(hub -> new SampClient(hub.location().profile(), SampManifest.load(), bus.server()));
    }

    /**
     * The same with a connector the caller made, JSAMP's {@code GuiHubConnector} as a window would pass: seen only
     * through its public API, the dead hub is still noticed, once, and the client registers with the next.
     */
    @Test
    void aGuiHubConnectorComesBackAfterTheHubIsKilled() throws Exception {
        comesBackAfterTheHubIsKilled(hub -> new SampClient(new GuiHubConnector(hub.location().profile()),
                                                           SampManifest.load(), bus.server()));
    }

    /**
     * A connector given by the caller (JSAMP's {@code GuiHubConnector}) carries iso-samp's metadata, subscriptions
     * and handlers; connection listeners are told of the registration and of the end; closing unregisters it, and
     * the connector's own listeners (what a window's indicator hears) see both.
     */
    @Test
    void usesTheHubConnectorItIsGiven() throws Exception {
        GuiHubConnector gui = new GuiHubConnector(bus.hub().location().profile());
        List<Boolean> guiSaw = new java.util.concurrent.CopyOnWriteArrayList<>();
        gui.addConnectionListener(e -> guiSaw.add(gui.isConnected()));
        List<Boolean> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (SampClient samp = new SampClient(gui, SampManifest.load(), bus.server());
             FakeViewer viewer = new FakeViewer(bus.hub(), "viewer", "table.load.votable")) {
            assertTrue(samp.connector() == gui);
            samp.addHandler(handler("table.highlight.row"));
            samp.addConnectionListener(changes::add);
            samp.start(0);
            assertTrue(samp.awaitConnection(WAIT));
            String self = samp.selfId();
            HubConnection vc = viewer.connector().getConnection();
            assertEquals("iso-samp", vc.getMetadata(self).getName());
            assertTrue(vc.getSubscriptions(self).containsKey("table.highlight.row"));
            assertTrue(viewer.connector().callAndWait(self, new Message("table.highlight.row"), 10) != null);
            waitFor(() -> changes.equals(List.of(true)));
            waitFor(() -> samp.peers().stream().anyMatch(p -> p.name().equals("viewer")));
        }
        assertTrue(!gui.isConnected(), "closing unregistered the connector");
        assertEquals(List.of(true, false), changes);
        waitFor(() -> guiSaw.equals(List.of(true, false)));
    }

    private void comesBackAfterTheHubIsKilled(java.util.function.Function<TestHub, SampClient> clients)
            throws Exception {
        List<LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(SampClient.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.INFO);
        log.addHandler(capture);
        try (TestHub hub = TestHub.startInChildJvm();
             SampClient samp = clients.apply(hub)) {
            samp.addHandler(handler("coord.pointAt.sky"));
            List<Boolean> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
            samp.addConnectionListener(changes::add);
            samp.start(1);
            assertTrue(samp.awaitConnection(WAIT));
            hub.crash();
            hub.restart();
            try (FakeViewer aladin = new FakeViewer(hub, "Aladin", "table.load.votable")) {
                // registered with the new hub within a few autoconnect periods, subscriptions declared again
                String id = org.isosamp.testing.Await.value(() -> pointAtTaker(aladin), RECONNECT,
                    () -> "iso-samp registered with the new hub, taking coord.pointAt.sky; log: " + messages(logged)
                          + "; iso-samp's id " + samp.selfId() + "; hub log:\n" + hub.log());
                Response r = aladin.connector().callAndWait(id, new Message("coord.pointAt.sky")
                    .addParam("ra", "10.68").addParam("dec", "41.27"), 10);
                assertTrue(r.isOK(), String.valueOf(r));
                assertEquals(id, samp.selfId());
            }
            // a caller's connector is looked at every 200 ms: its listeners may hear a moment after the hub knows
            waitFor(() -> changes.size() >= 3);
            assertEquals(List.of(true, false, true), changes, "registered, lost, registered again");
            List<String> warnings = logged.stream().filter(r -> r.getLevel() == Level.WARNING)
                .map(LogRecord::getMessage).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("lost the SAMP hub: it no longer answers: "), warnings.get(0));
            assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.INFO
                && r.getMessage().equals("registered again with the SAMP hub")), messages(logged));
        } finally {
            log.removeHandler(capture);
            log.setLevel(level);
        }
    }

    /** Autoconnect every 1 s, a check every 1 s: a generous bound for two JVMs on two busy cores. */
    private static final Duration RECONNECT = Duration.ofSeconds(20);

    /** @return the id of the client named iso-samp that takes pointAt, asking the hub (not a tracked copy) */
    private static String pointAtTaker(FakeViewer v) {
        try {
            HubConnection c = v.connector().getConnection();
            for (String id : c.getRegisteredClients()) {
                if ("iso-samp".equals(c.getMetadata(id).getName())
                    && c.getSubscriptions(id).containsKey("coord.pointAt.sky")) {
                    return id;
                }
            }
            return null;
        } catch (SampException e) {
            return null;
        }
    }

    private static String messages(List<LogRecord> records) {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString();
    }

    @Test
    void sendingWithoutAHubSaysSo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        HubLocation nowhere = HubLocation.of(dir.resolve("none.lock").toString());
        assertTrue(!nowhere.isHubRunning());
        try (SampClient samp = new SampClient(nowhere.profile(), SampManifest.load(), bus.server())) {
            samp.start(0);
            assertTrue(!samp.awaitConnection(Duration.ofMillis(200)));
            SampException e = assertThrows(SampException.class,
                () -> samp.notifyAll(new Message("table.load.votable").addParam("url", "file:/x.vot")));
            assertEquals("not connected to a SAMP hub", e.getMessage());
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        org.isosamp.testing.Await.until(condition, WAIT, "condition");
    }
}
