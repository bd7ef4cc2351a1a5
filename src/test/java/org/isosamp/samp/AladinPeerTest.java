package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.client.SampException;
import org.astrogrid.samp.hub.Hub;
import org.isosamp.IsoSamp;
import org.isosamp.testing.Await;
import org.isosamp.testing.Peers;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * iso-samp against the real Aladin (Debian's 12.001, {@code /usr/bin/aladin}) on a private hub, under its own Xvfb.
 *
 * <p>Aladin is run as {@code ../shared/reference/aladin-offline.md} found it must be: a private home
 * ({@code user.home}, where it reads {@code .samp} and ignores {@code SAMP_HUB}), {@code -nohub}, and
 * {@code -old -glufile=} a four-line GLU file, so that it loads {@code http://127.0.0.1} URLs with no CDS server.
 * An HTTP proxy on a closed loopback port keeps its look-ups of CDS hosts on loopback (they fail at once).
 *
 * <p>Two checks on one Aladin: {@code send-product} of the archive's lone image (it says {@code EXTEND = T}) exits 0,
 * and images with other HDUs around them (a table behind, or an empty primary before) sent through
 * {@link ProductSender} get {@code samp.ok} and a new image plane. Aladin replied to none of these before
 * {@link org.isosamp.products.SingleImageFits} served the image alone. Each test saves a screenshot of the display
 * under {@code target/screenshots/}.
 */
class AladinPeerTest {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path home;
    private static Path logs;
    private static Process xvfb;
    private static String display;
    private static Hub hub;
    private static HubLocation location;
    private static Process aladin;
    private static HubConnector probe;
    private static String aladinId;

    @BeforeAll
    static void startAladin() throws Exception {
        Peers.require("/usr/bin/aladin", "aladin");
        Peers.require("/usr/bin/Xvfb", "xvfb");
        Peers.require("/usr/bin/import", "imagemagick");
        home = Files.createTempDirectory("aladin-home");
        logs = Files.createDirectories(Path.of("target", "aladin-peer"));
        Files.writeString(home.resolve("local.glu"),
            "%A Http\n%D Generic HTTP access (offline)\n%O CDS'aladin\n%U $1\n", StandardCharsets.US_ASCII);

        // Xvfb picks a free display and writes its number to the file
        Path displayFile = logs.resolve("xvfb.display");
        Files.deleteIfExists(displayFile);
        xvfb = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten",
            "tcp").redirectOutput(displayFile.toFile()).redirectError(logs.resolve("xvfb.log").toFile()).start();
        display = ":" + Await.value(() -> firstLine(displayFile), START, () -> "Xvfb's display number");

        location = HubLocation.of(home.resolve(".samp").toString());
        hub = location.startHub();
        probe = new HubConnector(location.profile());
        Metadata meta = new Metadata();
        meta.setName("aladin-probe");
        probe.declareMetadata(meta);
        probe.declareSubscriptions(probe.computeSubscriptions());
        probe.setActive(true);
        assertTrue(probe.isConnected(), "the probe registers with the private hub");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/aladin", "-old", "-glufile=" + home.resolve("local.glu"),
            "-nohub", "-nobanner");
        pb.environment().put("DISPLAY", display);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("SAMP_HUB");
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home + " -Dhttp.proxyHost=127.0.0.1"
            + " -Dhttp.proxyPort=" + closedPort + " -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=" + closedPort
            + " -Dhttp.nonProxyHosts=127.0.0.1|localhost");
        // stdin stays an open pipe: Aladin reads script commands from it
        aladin = pb.redirectErrorStream(true).redirectOutput(logs.resolve("aladin.log").toFile()).start();

        aladinId = Await.value(AladinPeerTest::findAladin, START,
            () -> "Aladin registered with the hub, subscribed to image.load.fits (log: " + logs.resolve("aladin.log")
                + ")");
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            if (probe != null) {
                probe.setActive(false);
            }
        } finally {
            stop(aladin);
            stop(xvfb);
            if (hub != null) {
                hub.shutdown();
            }
            if (home != null) {
                deleteTree(home);
            }
        }
    }

    @Test
    void sendProductLoadsAnImageIntoAladinAndExitsZero() throws Exception {
        Path cache = Files.createTempDirectory("aladin-peer-cache");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try {
            picocli.CommandLine cl = IsoSamp.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            // Aladin answers a loaded image within a second; before the fix it never did. 30 s, not less: on a
            // loaded CI machine (the whole suite on 2 cores) a first load once took over 10 s
            exit = cl.execute("send-product", "--archive", "local", "--cache-dir", cache.toString(), "--samp-hub",
                "std-lockurl:" + location.lockUrl(), "--timeout", "30", "80001538", "--to", "Aladin");
        } finally {
            deleteTree(cache);
        }
        String said = "out: " + out + "\nerr: " + err;
        try {
            assertEquals(0, exit, said);
            assertTrue(out.toString().contains("Aladin (" + aladinId + "): samp.ok"), said);

            // what Aladin holds now; "status stack" lists the planes only: the bare "status" adds the view's size
            // in degrees with a degree sign, which is no SAMP string, so the hub refuses that reply
            notify("zoom 8x");
            String status = script("status stack");
            assertTrue(status.contains("Type    Image"), status);
            assertTrue(status.matches("(?s).*Url +http://127\\.0\\.0\\.1:\\d+/\\S*/80001538\\.fits\\b.*"), status);
            assertTrue(status.contains("Width   32") && status.contains("Height  32"), status);
        } finally {
            screenshot("aladin-80001538.png");
        }
    }

    @Test
    void anImageWithOtherHdusIsLoadedIntoAladinAndAnswered() throws Exception {
        // Aladin shows an image followed by a table, or one in an extension behind an empty primary, but never
        // answers for it: sent alone (SingleImageFits), it answers samp.ok once loaded
        Path dir = Files.createTempDirectory("aladin-peer-hdus");
        try (ProductServer server = ProductServer.start();
             SampClient samp = new SampClient(location.profile(), SampManifest.load(), server)) {
            samp.start(0);
            assertTrue(samp.awaitConnection(START), "iso-samp registers with the private hub");
            BinaryTableHDU table = BinaryTableHDU.wrap(BinaryTable.fromColumnMajor(
                new Object[] {new double[] {1, 2, 3}, new float[] {4, 5, 6}}));
            Path withTable = synthetic(dir.resolve("image-then-table.fits"), 48, 36, null, table);
            NullDataHDU primary = new NullDataHDU();
            primary.getHeader().addValue("ORIGIN", "iso-samp AladinPeerTest (synthetic)", "made by a test");
            Path inExtension = synthetic(dir.resolve("image-in-extension.fits"), 40, 30, primary, null);
            try (ProductSender sender = new ProductSender(samp, server, SharedArchive.client(), new SentTables(),
                    Duration.ofSeconds(30), 10)) {
                for (Path file : List.of(withTable, inExtension)) {
                    long before = imagePlanes(script("status stack"));
                    byte[] original = Files.readAllBytes(file);
                    ProductSender.Sent s = sender.sendFile(file, "Aladin");
                    String name = file.getFileName().toString();
                    assertEquals(List.of(), s.delivery().silent(), name + ": Aladin replied (" + s.delivery() + ")");
                    assertTrue(s.delivery().anyOk(), name + ": " + s.delivery());
                    String status = script("status stack");
                    assertEquals(before + 1, imagePlanes(status), name + ": a new image plane in " + status);
                    int width = name.contains("table") ? 48 : 40;
                    assertTrue(status.matches("(?s).*Url +http://127\\.0\\.0\\.1:\\d+/\\S*/" + name.replace(".", "\\.")
                        + "\\s+Target[^\\n]*\\nWidth +" + width + "\\s.*"), name + " loaded, " + width + " wide: "
                        + status);
                    assertArrayEquals(original, Files.readAllBytes(file), name + " is left as it was");
                }
            }
            notify("zoom 4x");
        } finally {
            deleteTree(dir);
            screenshot("aladin-other-hdus.png");
        }
    }

    /** @return how many image planes Aladin's {@code status stack} lists */
    private static long imagePlanes(String status) {
        return status.lines().filter(l -> l.matches("Type +Image\\s*")).count();
    }

    /**
     * Writes a synthetic image (a star on a faint gradient, with a celestial WCS) marked as such in its header: as
     * the primary HDU with {@code after} behind it, or, when {@code primary} is given, as an IMAGE extension behind it.
     */
    private static Path synthetic(Path file, int nx, int ny, BasicHDU<?> primary, BasicHDU<?> after)
            throws IOException {
        float[][] d = new float[ny][nx];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double r2 = (x - nx / 2.0) * (x - nx / 2.0) + (y - ny / 2.0) * (y - ny / 2.0);
                d[y][x] = (float) (1000 * Math.exp(-r2 / 8) + x + y);
            }
        }
        ImageHDU img = ImageData.from(d).toHDU();
        Header h = img.getHeader();
        h.addValue("CTYPE1", "RA---TAN", "axis type");
        h.addValue("CTYPE2", "DEC--TAN", "axis type");
        h.addValue("CRVAL1", 10.684708, "[deg] M31");
        h.addValue("CRVAL2", 41.26875, "[deg]");
        h.addValue("CRPIX1", nx / 2.0, "reference pixel");
        h.addValue("CRPIX2", ny / 2.0, "reference pixel");
        h.addValue("CDELT1", -1.6666667e-3, "[deg/pixel]");
        h.addValue("CDELT2", 1.6666667e-3, "[deg/pixel]");
        h.addValue("ORIGIN", "iso-samp AladinPeerTest (synthetic)", "made by a test");
        h.insertComment("synthetic image, no observation");
        try (Fits fits = new Fits()) {
            if (primary != null) {
                fits.addHDU(primary);
            }
            fits.addHDU(img);
            if (after != null) {
                fits.addHDU(after);
            }
            fits.write(file.toFile());
        }
        return file;
    }

    /** @return Aladin's client id once it has registered and subscribed to image.load.fits, else null */
    private static String findAladin() {
        try {
            HubConnection c = probe.getConnection();
            if (c == null) {
                return null;
            }
            for (Object id : c.getSubscribedClients("image.load.fits").keySet()) {
                Metadata m = c.getMetadata((String) id);
                if (m != null && "Aladin".equals(m.getName())) {
                    return (String) id;
                }
            }
            return null;
        } catch (SampException e) {
            return null;
        }
    }

    /** Runs an Aladin script command and returns what it says. */
    private static String script(String command) throws SampException {
        Response r = probe.callAndWait(aladinId, new Message("script.aladin.send").addParam("script", command), 20);
        assertTrue(r.isOK(), command + ": " + r);
        Object result = ((Map<?, ?>) r.getResult()).get("script.result");
        return result == null ? "" : result.toString();
    }

    /** Sends an Aladin script command whose reply we do not need. */
    private static void notify(String command) throws SampException {
        probe.getConnection().notify(aladinId, new Message("script.aladin.send").addParam("script", command));
    }

    private static void screenshot(String name) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "DISPLAY=" + display, "/usr/bin/import", "-window",
            "root", png.toString()));
        Peers.Result r = Peers.run(Path.of("."), 30, cmd);
        assertEquals(0, r.exit(), "import: " + r.output());
        assertTrue(Files.size(png) > 0, png + " is written");
    }

    private static String firstLine(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return s.isEmpty() ? null : s.lines().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
