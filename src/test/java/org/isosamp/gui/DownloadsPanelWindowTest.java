package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.isosamp.testing.ChildJvm;
import org.isosamp.testing.Xvfb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloads panel in a real frame under Xvfb ({@link DownloadsPanelProbe} in a child JVM): a STANDALONE file
 * complete, an OBSERVATION unpacked, Cancel of a 1 GiB tar and of a stalled transfer leaving nothing, an unknown
 * TDT's reason, an existing file refused then replaced; and the screenshot {@code target/screenshots/downloads.png}.
 */
class DownloadsPanelWindowTest {

    @TempDir
    Path dir;

    private static Map<String, String> facts(String output) {
        Map<String, String> m = new LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("FACT ")).forEach(l -> {
            int eq = l.indexOf('=');
            m.put(l.substring(5, eq), l.substring(eq + 1));
        });
        return m;
    }

    @Test
    void downloadsCancelsAndSaysWhy() throws Exception {
        Path folder = dir.resolve("downloads");
        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             ChildJvm probe = ChildJvm.start(dir, Map.of("DISPLAY", x.display()),
                 DownloadsPanelProbe.class.getName(), folder.toString())) {
            probe.awaitOutput("FACT ready=true", Duration.ofSeconds(180));
            Path root = dir.resolve("screen.png");
            x.screenshot(root);
            Files.createFile(dir.resolve("shot-taken"));
            probe.awaitOutput("FACT end=true", Duration.ofSeconds(60));
            assertEquals(0, probe.waitFor(Duration.ofSeconds(30)), probe.output());
            Map<String, String> f = facts(probe.output());
            String out = probe.output();

            assertEquals(folder.toString(), f.get("folder"), out);
            assertEquals("DONE", f.get("standalone.state"), out);
            assertEquals(folder.resolve("80001538.fits").toString(), f.get("standalone.file"), out);
            assertEquals("true", f.get("standalone.same-bytes"), "the archive's own bytes");
            assertTrue(f.get("standalone.status").startsWith("Saved " + folder.resolve("80001538.fits") + " ("), out);
            assertEquals("1000", f.get("standalone.bar"), "a full bar");

            assertEquals("DONE", f.get("extract.state"), out);
            assertEquals("[80001538, 80001538.tar]", f.get("extract.listing"), out);
            assertTrue(Integer.parseInt(f.get("extract.files")) > 0, out);
            assertTrue(f.get("extract.status").startsWith("Unpacked " + f.get("extract.files") + " files into "), out);

            assertEquals("CANCELLED", f.get("cancel.state"), out);
            assertEquals("true", f.get("cancel.midway"), out);
            assertEquals("[]", f.get("cancel.listing"), "no tar, no part file: " + out);
            assertEquals("Cancelled: nothing kept", f.get("cancel.status"), out);
            assertEquals("false", f.get("cancel.button-visible"), out);

            assertEquals("FAILED", f.get("unknown.state"), out);
            assertEquals("The archive answered HTTP 404: No observation with tdt 99999999", f.get("unknown.status"),
                out);
            assertTrue(f.get("unknown.tooltip").startsWith("IDA product download failed: HTTP 404 from http://"), out);

            assertEquals("FAILED", f.get("exists.state"), out);
            assertEquals(folder.resolve("80001538.fits") + " exists (tick \"Replace existing files\" to replace it)",
                f.get("exists.status"), out);
            assertEquals("DONE", f.get("replace.state"), out);
            assertEquals("true", f.get("replace.same-bytes"), out);

            assertTrue(f.get("running.bar").matches("[0-9.]+ MiB of 9\\.5 MiB \\([0-9]+%\\)"), f.get("running.bar"));
            assertEquals("CANCELLED", f.get("stalled.state"), out);
            assertEquals("[]", f.get("stalled.listing"), out);
            assertEquals("0", f.get("cleared.rows"), out);

            String[] b = f.get("bounds").split(",");
            BufferedImage screen = ImageIO.read(root.toFile());
            BufferedImage window = screen.getSubimage(Integer.parseInt(b[0]), Integer.parseInt(b[1]),
                Integer.parseInt(b[2]), Integer.parseInt(b[3]));
            Path png = Path.of("target", "screenshots", "downloads.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(window, "png", png.toFile());
        }
    }
}
