package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.astrogrid.samp.Client;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.isosamp.IsoSamp;
import org.isosamp.samp.HubLocation;
import org.isosamp.testing.Await;
import org.isosamp.testing.ChildJvm;
import org.isosamp.testing.ListeningSockets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every socket iso-samp listens on is bound to loopback: the real {@code listen --archive local --hub} in a child
 * JVM (the local archive's HTTP server, the hub it runs, JSAMP's callback server, the product server), its
 * listening sockets read from {@code /proc} once it has sent a table.
 */
class ListenSocketsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void listenWithLocalArchiveAndHubListensOnLoopbackOnly(@TempDir Path dir) throws Exception {
        Path lock = dir.resolve("samp.lock");
        try (ChildJvm listen = ChildJvm.start(dir, IsoSamp.class.getName(), "listen", "--archive", "local", "--hub",
                                              "--samp-hub", lock.toString(), "--hub-wait", "30",
                                              "--exit-after", "120")) {
            listen.awaitOutput("listening for coord.pointAt.sky", WAIT);
            CompletableFuture<URL> sent = new CompletableFuture<>();
            HubConnector viewer = new HubConnector(HubLocation.of(lock.toString()).profile());
            try {
                Metadata meta = new Metadata();
                meta.setName("viewer");
                viewer.declareMetadata(meta);
                viewer.addMessageHandler(new AbstractMessageHandler("table.load.votable") {
                    @Override
                    public Map<?, ?> processCall(HubConnection c, String senderId, Message msg) throws Exception {
                        URL url = URI.create((String) msg.getParam("url")).toURL();
                        try (InputStream in = url.openStream()) {
                            in.readAllBytes();   // the product server has served it
                        }
                        sent.complete(url);
                        return null;
                    }
                });
                viewer.declareSubscriptions(viewer.computeSubscriptions());
                viewer.setActive(true);
                assertTrue(viewer.isConnected(), "the viewer joined listen's hub:\n" + listen.output());
                String isoSamp = Await.value(() -> isoSampId(viewer), WAIT, () -> "iso-samp on its own hub");
                Response r = viewer.callAndWait(isoSamp, new Message("coord.pointAt.sky")
                    .addParam("ra", "10.6847").addParam("dec", "41.2690"), 30);
                assertTrue(r.isOK(), String.valueOf(r));
                URL table = sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);

                long pid = listen.pid();
                List<InetSocketAddress> sockets = ListeningSockets.of(pid);
                // the lister sees what it should: the product server that served the table is among them
                assertTrue(sockets.stream().anyMatch(s -> s.getPort() == table.getPort()),
                    "the product server's port " + table.getPort() + " among " + sockets);
                assertTrue(sockets.size() >= 3, "archive, product server and SAMP server at least: " + sockets);
                for (InetSocketAddress s : sockets) {
                    assertTrue(s.getAddress().isLoopbackAddress(),
                        "listen has a socket on " + s + " (all sockets: " + sockets + "): every socket must bind"
                        + " loopback only");
                }
            } finally {
                viewer.setActive(false);
            }
        }
    }

    /** The lister finds a socket of this JVM, and reads every-interface and loopback addresses as they are. */
    @Test
    void theListerReadsProcNetTcp() throws Exception {
        try (ServerSocket loop = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<InetSocketAddress> sockets = ListeningSockets.of(ProcessHandle.current().pid());
            InetSocketAddress l = sockets.stream().filter(s -> s.getPort() == loop.getLocalPort()).findFirst()
                .orElseThrow(() -> new AssertionError(loop + " not in " + sockets));
            assertEquals("127.0.0.1", l.getAddress().getHostAddress());
        }
        // lines of /proc/net/tcp and tcp6 as Linux writes them (no socket on every interface opened to see one)
        assertTrue(ListeningSockets.address("00000000:1F90").getAddress().isAnyLocalAddress());
        assertEquals(8080, ListeningSockets.address("00000000:1F90").getPort());
        assertEquals("127.0.0.1", ListeningSockets.address("0100007F:A3F1").getAddress().getHostAddress());
        assertEquals("192.168.1.10", ListeningSockets.address("0A01A8C0:0016").getAddress().getHostAddress());
        assertTrue(ListeningSockets.address("00000000000000000000000000000000:0050").getAddress().isAnyLocalAddress());
        assertTrue(ListeningSockets.address("00000000000000000000000001000000:0050").getAddress().isLoopbackAddress());
        assertTrue(!ListeningSockets.address("0000000000000000FFFF00000A01A8C0:0050").getAddress().isLoopbackAddress());
    }

    private static String isoSampId(HubConnector viewer) {
        @SuppressWarnings("unchecked")
        Map<String, Client> clients = viewer.getClientMap();
        synchronized (clients) {
            for (Client c : clients.values()) {
                if (c.getMetadata() != null && "iso-samp".equals(c.getMetadata().getName())
                    && c.getSubscriptions() != null && c.getSubscriptions().isSubscribed("coord.pointAt.sky")) {
                    return c.getId();
                }
            }
        }
        return null;
    }
}
