package org.isosamp.topcat;

import org.isosamp.testing.TopcatProbe;
import org.isosamp.testing.Xvfb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.samp.TopcatLauncher;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iso-samp topcat --archive local -- ':iso:80000203' ':iso:cone=...'} with the real TOPCAT 4.8.7 (Debian's
 * jar) under a private Xvfb: the launcher starts the local archive, then TOPCAT in a JVM of its own with the plug-in
 * properties; TOPCAT loads both {@code :iso:} locations from the launcher's archive into its table list (read there
 * by {@link TopcatSchemeProbe}, TOPCAT's main class here), the load dialog offers {@code local} first and loads
 * through it from the same archive (not one of its own), TOPCAT's exit code comes back, and the archive is gone
 * once TOPCAT has exited. TOPCAT runs with {@code -noserv}: no SAMP hub or server of its own, so no socket of
 * its (4.8.7 then logs a NullPointerException from its "Send Sky Coordinates" action, which needs SAMP, as each
 * table arrives; the tables arrive all the same).
 *
 * <p>The plug-in's class path is {@link org.isosamp.testing.TopcatClassPath}'s: the built plug-in jar under
 * failsafe. Without TOPCAT's jar or Xvfb the test fails, naming what to install.
 */
class TopcatSchemeTopcatTest {

    private static final Path TOPCAT_JAR = Path.of("/usr/share/java/starlink-topcat.jar");
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void topcatStartedByTheLauncherLoadsIsoLocationsFromItsLocalArchive() throws Exception {
        TopcatProbe.require();
        long cone = SharedArchive.client().cone("ida.observations", 10.684708, 41.26875, 0.1, 1000).table()
            .getRowCount();
        assertTrue(cone > 0);

        Path log = dir.resolve("topcat.log");
        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"))) {
            String display = x.display();
            Path home = Files.createDirectories(dir.resolve("home"));
            TopcatLauncher launcher = new TopcatLauncher(TopcatLauncher.findTopcat(TOPCAT_JAR, Map.of()), pluginPath())
                .withMainClass(TopcatSchemeProbe.class.getName());
            String url;
            int exit;
            try (TopcatLauncher.Running topcat = launcher.start(ArchiveSettings.local().open(),
                    List.of("-Duser.home=" + home, "-noserv", ":iso:80000203", ":iso:cone=10.684708 41.26875,0.1"),
                    ProcessBuilder.Redirect.to(log.toFile()),
                    Map.of("DISPLAY", display, "HOME", home.toString(), "XDG_CONFIG_HOME", home.toString(),
                           "XDG_CACHE_HOME", home.toString(), "ISO_SAMP_SESAME", "off"))) {
                url = topcat.archiveUrl().orElseThrow();
                assertTrue(topcat.process().waitFor(START.toSeconds(), TimeUnit.SECONDS), "TOPCAT exits:\n" + read(log));
                exit = topcat.waitFor();
            }
            String out = read(log);
            assertEquals(0, exit, "TOPCAT's exit code, through the launcher:\n" + out);
            List<String> lines = out.lines().toList();
            // TOPCAT labels a command-line table by its location
            assertTrue(lines.contains("table :iso:80000203 1"), out);
            assertTrue(lines.contains("table :iso:cone=10.684708 41.26875,0.1 " + cone), out);
            assertTrue(lines.contains("column ra_deg|deg|pos.eq.ra;meta.main"), "degrees first in TOPCAT:\n" + out);
            assertTrue(lines.contains("choices local,production"), out);
            assertTrue(lines.contains("local " + url + " false"), "'local' is the launcher's archive:\n" + out);
            assertTrue(lines.contains("dialog-local ISO ida.observations cone 10.684708 41.26875 r=0.1 " + cone), out);
            assertTrue(lines.contains("done"), out);
            int port = HttpUrl.get(url).port();
            assertThrows(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        }
    }

    private static void assertThrows(org.junit.jupiter.api.function.Executable connect) {
        org.junit.jupiter.api.Assertions.assertThrows(ConnectException.class, connect,
                                                      "the local archive stopped with TOPCAT");
    }

    /** The plug-in, as {@link org.isosamp.testing.TopcatClassPath} makes it: the built jar under failsafe. */
    private static List<Path> pluginPath() {
        return org.isosamp.testing.TopcatClassPath.plugin();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
