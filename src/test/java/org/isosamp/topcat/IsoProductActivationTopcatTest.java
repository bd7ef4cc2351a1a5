package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryRequest;
import org.isosamp.model.RetrievalType;
import org.isosamp.products.ProductInspector;
import org.isosamp.testing.Await;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableOutput;

/**
 * The activation action "ISO product" inside the real TOPCAT 4.8.7 (Debian's jar), under a private Xvfb: on an
 * {@code ida.observations} table from the local archive TOPCAT's activation window lists the action, and with it set
 * to STANDALONE, load into TOPCAT and a folder, activating the row of an LWS spectrum (as a click in the table does)
 * saves the product, whole, in the folder and adds the spectrum to TOPCAT's table list with all its rows. The
 * action's settings come back from a session's state ({@code setState(getState())}, and the window's whole state).
 * A screenshot of the activation window showing the action is saved in {@code target/screenshots/}.
 *
 * <p>The class path is {@link IsoLoadDialogTopcatTest}'s: TOPCAT's jar first, so TOPCAT's own classes, not the
 * compile stubs in {@code target/classes}, serve (a stub signature that differs from TOPCAT's fails here). Skipped
 * without TOPCAT's jar, Xvfb or ImageMagick's {@code import}.
 */
class IsoProductActivationTopcatTest {

    private static final Path TOPCAT_JAR = Path.of("/usr/share/java/starlink-topcat.jar");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration START = Duration.ofSeconds(90);
    private static final String SPECTRUM = "58002102";

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
    }

    @Test
    void topcatListsTheActionAndAnActivatedRowLoadsItsProduct() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(TOPCAT_JAR), TOPCAT_JAR + " absent: install Debian's topcat");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/Xvfb")), "no /usr/bin/Xvfb (Debian: xvfb)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/import")), "no /usr/bin/import (imagemagick)");

        // the table a user has in TOPCAT: observations with their tdt column, from the archive
        IsoArchive archive = SharedArchive.client();
        StarTable obs = archive.query(QueryRequest.builder(
            "SELECT * FROM ida.observations WHERE tdt IN (58302402, " + SPECTRUM + ") ORDER BY tdt").build()).table();
        Path tableFile = dir.resolve("observations.vot");
        new StarTableOutput().writeStarTable(obs, tableFile.toString(), "votable");
        long row = -1;
        int tdtCol = -1;
        for (int i = 0; i < obs.getColumnCount(); i++) {
            if (obs.getColumnInfo(i).getName().equals("tdt")) {
                tdtCol = i;
            }
        }
        for (long r = 0; r < obs.getRowCount() && row < 0; r++) {
            if (String.valueOf(obs.getCell(r, tdtCol)).equals(SPECTRUM)) {
                row = r;
            }
        }
        assertTrue(row >= 0, "the seed has observation " + SPECTRUM);
        // what the product is, as the archive serves it
        Path expected = archive.download(SPECTRUM, RetrievalType.STANDALONE, null, dir.resolve("expected"), null,
            null);
        long rows = ProductInspector.inspect(expected).rows();
        Path folder = dir.resolve("products");
        String url = SharedArchive.get().baseUrl().toString();

        Path displayFile = dir.resolve("xvfb.display");
        Process xvfb = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24",
            "-nolisten", "tcp").redirectOutput(displayFile.toFile()).redirectError(dir.resolve("xvfb.log").toFile())
            .start();
        Process topcat = null;
        Path log = dir.resolve("topcat.log");
        try {
            String display = ":" + Await.value(() -> firstLine(displayFile), START, () -> "Xvfb's display number");
            Path home = Files.createDirectories(dir.resolve("home"));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dtopcat.activators=" + IsoProductActivationType.class.getName(),
                "-cp", classPath(), TopcatActivationProbe.class.getName(),
                tableFile.toString(), url, Long.toString(row), folder.toString());
            pb.environment().put("DISPLAY", display);
            pb.environment().put("HOME", home.toString());
            pb.environment().put("XDG_CONFIG_HOME", home.toString());
            pb.environment().put("XDG_CACHE_HOME", home.toString());
            pb.environment().remove("SAMP_HUB");
            pb.environment().remove("ISO_SAMP_ARCHIVE");
            topcat = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process running = topcat;
            Await.until(() -> read(log).contains("\nshown") || !running.isAlive(), START, "TOPCAT's activation window");
            String out = read(log);
            List<String> lines = out.lines().toList();
            assertTrue(lines.contains("option " + IsoProductActivationType.NAME), "TOPCAT offers the action:\n" + out);
            assertTrue(lines.contains("listed " + IsoProductActivationType.class.getName()),
                       "the window lists it for a table with a tdt column:\n" + out);
            assertTrue(lines.contains("selected " + IsoProductActivationType.class.getName()), out);
            assertTrue(lines.contains("ready ACTIVATOR"), "configured, it has an activator:\n" + out);
            screenshot(display, "topcat-activation-window.png");
            try (OutputStream in = topcat.getOutputStream()) {
                in.write("go\n".getBytes(StandardCharsets.US_ASCII));
            }
            Await.until(() -> read(log).contains("\ndone") || !running.isAlive(), START, "the activation in TOPCAT");
            assertTrue(running.isAlive() || read(log).contains("\ndone"), "TOPCAT's probe ended:\n" + read(log));
            out = read(log);
            lines = out.lines().toList();
            assertTrue(out.contains("\ndone"), "TOPCAT ran the activation:\n" + out);

            // the product, whole, in the folder; no part file left
            assertTrue(lines.contains("file " + SPECTRUM + ".fits " + Files.size(expected)), out);
            assertTrue(lines.stream().filter(l -> l.startsWith("file ")).noneMatch(l -> l.contains(".part")), out);
            assertEquals(Files.size(expected), Files.size(folder.resolve(SPECTRUM + ".fits")));
            // the spectrum in TOPCAT's table list, every segment's rows
            String table = lines.stream().filter(l -> l.startsWith("table ")).findFirst().orElseThrow();
            assertTrue(table.contains(SPECTRUM), table);
            assertTrue(table.endsWith(" " + rows), "rows: " + table + ", want " + rows);

            // the settings as a session saves them, and back
            assertTrue(lines.contains("state isoRetrievalType=STANDALONE"), out);
            assertTrue(lines.contains("state isoThen=LOAD"), out);
            assertTrue(lines.contains("state isoFolder=" + folder), out);
            assertTrue(lines.contains("state isoArchive=" + url), out);
            assertTrue(lines.contains("state isoColumn=tdt"), out);
            assertTrue(lines.contains("roundtrip SAME"), out);
            assertTrue(lines.contains("session SAME"), out);
            // set to send over SAMP, the spectrum goes through TOPCAT's hub to a SPLAT-like client
            assertTrue(lines.contains("sent spectrum.load.ssa-generic M31 (ISO LWS L01 " + SPECTRUM + ") true"), out);
            screenshot(display, "topcat-activation-loaded.png");
        } finally {
            stop(topcat);
            stop(xvfb);
        }
    }

        private static String classPath() {
        return org.isosamp.testing.TopcatClassPath.of();
    }

    private static void screenshot(String display, String name) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(name);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/import", "-window", "root", png.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DISPLAY", display);
        Process q = pb.start();
        assertTrue(q.waitFor(30, TimeUnit.SECONDS), "import finished");
        assertEquals(0, q.exitValue(), "import -window root " + png);
        assertTrue(Files.size(png) > 0, png + " is written");
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? "\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(Path file) {
        String s = read(file).strip();
        return s.isEmpty() ? null : s.lines().findFirst().orElse(null);
    }

    private static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
