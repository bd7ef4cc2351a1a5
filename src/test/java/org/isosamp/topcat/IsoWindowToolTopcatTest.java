package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.isosamp.testing.Await;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.Xvfb;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The toolbar tool inside the real TOPCAT 4.8.7 (Debian's jar first on the class path, so TOPCAT's own classes, STIL
 * and JSAMP serve, not the compile stubs), under a private Xvfb, started as {@code iso-samp topcat --archive local}
 * starts it ({@code -Dtopcat.exttools}, the archive properties naming the local archive): the Control Window's
 * toolbar has the button, pressing it shows iso-samp's window in TOPCAT's look and feel (unchanged, no FlatLaf), with
 * no Start hub; the seed's M31 cone there gives 49 rows, which its TOPCAT menu loads into TOPCAT; a second press
 * shows the same window; closing it leaves TOPCAT running. Saves {@code target/screenshots/topcat-window-tool.png}.
 * Skipped without TOPCAT's jar, Xvfb or ImageMagick's {@code import}.
 */
class IsoWindowToolTopcatTest {

    private static final Path TOPCAT_JAR = Path.of("/usr/share/java/starlink-topcat.jar");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void theToolbarButtonOpensTheWindowInTopcatsLookAndFeelWhichSearchesAndClosesLeavingTopcat() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(TOPCAT_JAR), TOPCAT_JAR + " absent: install Debian's topcat");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/Xvfb")), "no /usr/bin/Xvfb (Debian: xvfb)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/import")), "no /usr/bin/import (imagemagick)");
        String url = SharedArchive.get().baseUrl().toString();
        Path home = Files.createDirectories(dir.resolve("home"));
        Path log = dir.resolve("topcat.log");
        Process topcat = null;
        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"))) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dtopcat.exttools=" + IsoWindowTool.class.getName(),
                "-Diso-samp.archive=" + url, "-Diso-samp.local=" + url,
                "-cp", classPath(), TopcatWindowToolProbe.class.getName());
            pb.environment().put("DISPLAY", x.display());
            pb.environment().put("HOME", home.toString());
            pb.environment().put("XDG_CONFIG_HOME", home.toString());
            pb.environment().put("XDG_CACHE_HOME", home.toString());
            pb.environment().remove("SAMP_HUB");
            pb.environment().remove("ISO_SAMP_ARCHIVE");
            topcat = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process running = topcat;
            Await.until(() -> read(log).contains("\nshown") || !running.isAlive(), START, "the window in TOPCAT");
            String out = read(log);
            List<String> lines = out.lines().toList();
            String laf = lines.stream().filter(l -> l.startsWith("laf ")).findFirst().orElse("laf ?");
            assertTrue(lines.contains("button " + "Search ISO's archive in iso-samp's window: observations, products,"
                                      + " the bus 24x24"), "the Control Window's toolbar has the button:\n" + out);
            assertTrue(lines.contains("window iso-samp — ISO Data Archive"), "the press showed the window:\n" + out);
            assertTrue(lines.contains("archive local"), "the archive iso-samp topcat chose:\n" + out);
            assertFalse(laf.contains("flatlaf"), "TOPCAT's own look and feel: " + laf);
            assertEquals(2, lines.stream().filter(laf::equals).count(), "the look and feel unchanged:\n" + out);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("ui javax.swing.plaf.")), "TOPCAT's UI:\n" + out);
            assertTrue(lines.contains("startHub NONE"), "no Start hub inside TOPCAT:\n" + out);
            assertTrue(lines.contains("rows 49"), "the seed's M31 cone:\n" + out);
            String table = "ISO ida.observations cone 10.684708 41.26875 r=0.1";
            // TOPCAT's label is the location, shortened
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("table ISO ida.observations cone")
                                                    && l.endsWith(" 49")), "the result loaded into TOPCAT:\n" + out);
            assertTrue(lines.contains("name " + table), "named as the load dialog names it:\n" + out);
            assertTrue(lines.contains("windows 1"), "a second press shows the same window:\n" + out);
            screenshot(x, "topcat-window-tool.png");
            try (OutputStream in = topcat.getOutputStream()) {
                in.write("go\n".getBytes(StandardCharsets.US_ASCII));
                in.flush();
                Await.until(() -> read(log).contains("\ndone") || !running.isAlive(), START, "the window closed");
                out = read(log);
                lines = out.lines().toList();
                assertEquals(2, lines.stream().filter("windows 1"::equals).count(), "one window, still:\n" + out);
                assertTrue(lines.contains("closed false"), "disposed:\n" + out);
                assertTrue(lines.contains("topcat true"), "TOPCAT's Control Window still shows:\n" + out);
                assertTrue(running.isAlive(), "TOPCAT's JVM runs on:\n" + out);
                screenshot(x, "topcat-window-tool-closed.png");
                in.write("quit\n".getBytes(StandardCharsets.US_ASCII));
            }
            assertTrue(topcat.waitFor(30, TimeUnit.SECONDS), "the probe ended");
            assertEquals(0, topcat.exitValue(), read(log));
            assertFalse(read(log).contains("Exception"), "nothing thrown in TOPCAT:\n" + read(log));
        } finally {
            if (topcat != null && topcat.isAlive()) {
                topcat.destroy();
                if (!topcat.waitFor(10, TimeUnit.SECONDS)) {
                    topcat.destroyForcibly();
                }
            }
        }
    }

    private static String classPath() {
        return org.isosamp.testing.TopcatClassPath.of();
    }

    private static void screenshot(Xvfb x, String name) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(name);
        x.screenshot(png);
        assertTrue(Files.size(png) > 0, png + " is written");
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? "\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
