package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.isosamp.testing.ChildJvm;
import org.isosamp.testing.Xvfb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observation panel in a real window on a private X display ({@link ObservationPanelProbe} in a child JVM):
 * a spectrum with one series per segment and its target in the metadata, an image with the sky under the cursor,
 * the products listed, the one error line of an unknown TDT, the later of two quick shows; and screenshots in
 * {@code target/screenshots/observation-*.png}.
 */
class ObservationPanelWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Map<String, String> SHOTS = new LinkedHashMap<>();

    static {
        SHOTS.put("spectrum", "observation-58002102.png");
        SHOTS.put("image", "observation-80001538.png");
        SHOTS.put("products", "observation-products.png");
        SHOTS.put("postcard", "observation-postcard.png");
        SHOTS.put("metadata", "observation-metadata.png");
    }

    @Test
    void showsSpectraImagesErrorsAndTheNewestCall(@TempDir Path dir) throws Exception {
        Path shots = Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots");
        String out;
        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             ChildJvm probe = ChildJvm.start(dir, Map.of("DISPLAY", x.display()),
                                             ObservationPanelProbe.class.getName())) {
            for (Map.Entry<String, String> s : SHOTS.entrySet()) {
                probe.awaitOutput("SHOT " + s.getKey(), WAIT);
                Path png = shots.resolve(s.getValue());
                x.screenshot(png);
                crop(png, frame(probe.output()));
                Files.createFile(dir.resolve(s.getKey() + ".shot"));
            }
            probe.awaitOutput("DONE", WAIT);
            out = probe.output();
        }
        List<String> spectrum = facts(out, "heading=", 0);
        assertEquals("58002102 · LWS · L01 · M31", spectrum.get(0), out);
        assertEquals("M31", facts(out, "target=", 0).get(0), out);
        assertEquals("SpectrumQuickLook", facts(out, "look=", 0).get(0), out);
        String segments = facts(out, "segments=", 0).get(0);
        assertTrue(Integer.parseInt(segments) > 1, out);
        assertEquals(segments, facts(out, "series=", 0).get(0), "one series per segment:\n" + out);
        assertTrue(facts(out, "cursor=", 0).get(0).matches("Wavelength \\(.+\\) = \\S+ +Flux \\(.+\\) = \\S+"), out);

        assertEquals("80001538 · CAM · C01 · J021200.0+613000", facts(out, "heading=", 1).get(0), out);
        assertEquals("ImageQuickLook", facts(out, "look=", 1).get(0), out);
        assertTrue(facts(out, "cursor=", 1).get(0).matches("RA 02h1\\dm.* Dec \\+61°.*pixel \\(\\d+, \\d+\\).*"), out);
        assertTrue(Integer.parseInt(facts(out, "products=", 0).get(0)) > 2, out);
        assertEquals("80001538.fits", facts(out, "standalone=", 0).get(0), out);
        assertEquals("true", facts(out, "postcard=", 0).get(0), out);

        // the probe's own local archive, on a port of its own
        assertTrue(facts(out, "error=", 0).get(0)
                       .matches("TDT 12345678 is not in ida\\.observations at http://127\\.0\\.0\\.1:\\d+/nida-sl-tap/tap"),
                   out);
        assertEquals("58002102 · LWS · L01 · M31 SpectrumQuickLook", facts(out, "quick=", 0).get(0), out);
        for (String png : SHOTS.values()) {
            BufferedImage img = ImageIO.read(shots.resolve(png).toFile());
            assertEquals(960, img.getWidth(), png);
        }
    }

    /** @return the values of lines {@code key...}, from the {@code n}th such line on */
    private static List<String> facts(String out, String key, int n) {
        List<String> all = out.lines().filter(l -> l.startsWith(key)).map(l -> l.substring(key.length())).toList();
        assertTrue(all.size() > n, "no " + (n + 1) + ". line " + key + " in:\n" + out);
        return all.subList(n, all.size());
    }

    private static int[] frame(String out) {
        String[] f = facts(out, "frame=", 0).get(0).split(",");
        return new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                          Integer.parseInt(f[3])};
    }

    /** Keeps only the window (Xvfb has no window manager: the frame is where it was put). */
    private static void crop(Path png, int[] r) throws java.io.IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        ImageIO.write(img.getSubimage(r[0], r[1], r[2], r[3]), "png", png.toFile());
    }
}
