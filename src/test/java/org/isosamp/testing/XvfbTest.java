package org.isosamp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XvfbTest {

    @Test
    void startsAPrivateDisplayAndScreenshotsIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("root.png");
        try (Xvfb x = Xvfb.start(dir)) {
            assertTrue(x.display().matches(":[0-9]+"), x.display());
            x.screenshot(png);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1280, img.getWidth());
        assertEquals(900, img.getHeight());
    }
}
