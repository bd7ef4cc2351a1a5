package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.isosamp.IsoSamp;
import org.isosamp.testing.OperatorArchive;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestFits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iso-samp quicklook}: PNGs of the size asked, exit codes, one-line errors, existing files left alone. */
class QuickLookCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSpectrumAndAnImageAreDrawnAtTheSizeAsked() throws Exception {
        String pattern = dir.resolve("ql-{tdt}.png").toString();
        CliRun r = CliRun.run("quicklook", "58002102", "80001538", "--output", pattern, "--width", "700",
                              "--height", "500");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(dir.resolve("ql-58002102.png").toString(), dir.resolve("ql-80001538.png").toString()),
                     r.lines());
        assertEquals("", r.err());
        for (String tdt : List.of("58002102", "80001538")) {
            BufferedImage img = ImageIO.read(dir.resolve("ql-" + tdt + ".png").toFile());
            assertEquals(700, img.getWidth());
            assertEquals(500, img.getHeight());
        }
        // nothing left behind but the PNGs (no part files; the product went to a temporary folder)
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void anExistingFileIsRefusedUntouchedUnlessOverwrite() throws Exception {
        Path png = dir.resolve("x.png");
        byte[] before = "not a png".getBytes();
        Files.write(png, before);
        Files.setLastModifiedTime(png, FileTime.fromMillis(1_000_000_000_000L));
        CliRun r = CliRun.run("quicklook", "80001538", "--output", png.toString());
        assertEquals(1, r.exit());
        assertEquals("iso-samp quicklook: " + png + " exists (give --overwrite to replace it)\n", r.err());
        assertArrayEquals(before, Files.readAllBytes(png));
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(png).toMillis());

        CliRun again = CliRun.run("quicklook", "80001538", "--output", png.toString(), "--overwrite");
        assertEquals(0, again.exit(), again.err());
        assertEquals(900, ImageIO.read(png.toFile()).getWidth());
        assertEquals(600, ImageIO.read(png.toFile()).getHeight());
    }

    @Test
    void anUnknownTdtIsOneLineAndExit1() {
        Path png = dir.resolve("u.png");
        CliRun r = CliRun.run("quicklook", "12345678", "--output", png.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("iso-samp quicklook: IDA product download failed: HTTP 404 from "), r.err());
        assertTrue(r.err().contains("No observation with tdt 12345678"), r.err());
        assertTrue(Files.notExists(png));
    }

    @Test
    void withSeveralTdtsEachIsTriedAndFailuresCounted() throws Exception {
        CliRun r = CliRun.run("quicklook", "12345678", "80001538", "--output", dir.resolve("{tdt}.png").toString());
        assertEquals(1, r.exit());
        assertEquals(List.of(dir.resolve("80001538.png").toString()), r.lines());
        List<String> err = r.err().lines().toList();
        assertEquals(2, err.size(), r.err());
        assertTrue(err.get(0).startsWith("iso-samp quicklook: 12345678: IDA product download failed: HTTP 404"),
                   err.get(0));
        assertEquals("iso-samp quicklook: 1 of 2 drawn, 1 failed", err.get(1));
    }

    @Test
    void aProductThatIsNeitherSpectrumNorImageIsNamed() throws Exception {
        Path table = TestFits.binaryTable(dir.resolve("t.fits"), "X", new String[] {"RA", "DEC"},
            new String[] {"deg", "deg"}, new double[] {1, 2}, new double[] {3, 4});
        try (OperatorArchive operator = OperatorArchive.start(Map.of("80001538.fits", Files.readAllBytes(table)))) {
            Path png = dir.resolve("t.png");
            CliRun r = CliRun.run("quicklook", "--archive", operator.baseUrl(), "--no-cache", "-q", "80001538",
                                  "--output", png.toString());
            assertEquals(1, r.exit());
            assertTrue(r.err().matches("iso-samp quicklook: 80001538\\.fits is neither a spectrum nor an image: "
                                       + "[^\\n]*table[^\\n]*; nothing to plot\\n"), r.err());
            assertTrue(Files.notExists(png));
        }
    }

    @Test
    void usageErrorsExit2() {
        CliRun several = CliRun.run("quicklook", "58002102", "80001538", "--output", dir.resolve("x.png").toString());
        assertEquals(2, several.exit());
        assertTrue(several.err().startsWith("iso-samp quicklook: 2 TDTs need one file each: put '{tdt}' in --output"),
                   several.err());
        CliRun small = CliRun.run("quicklook", "58002102", "--width", "20");
        assertEquals(2, small.exit());
        assertTrue(small.err().contains("'20' is not within 100..10000"), small.err());
        assertEquals(2, CliRun.run("quicklook").exit());
    }

    @Test
    void dashWritesThePngToStandardOutput() throws Exception {
        Path out = dir.resolve("stdout.bin");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), IsoSamp.class.getName(), "quicklook", "--archive",
            SharedArchive.get().baseUrl().toString(), "--no-cache", "-q", "58002102", "--output", "-"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
            .redirectError(dir.resolve("stderr.txt").toFile()).redirectInput(new File("/dev/null")).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "quicklook still running after 60 s");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        BufferedImage img = ImageIO.read(out.toFile());
        assertTrue(img != null, "standard output is not a PNG");
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight());
        assertEquals("", Files.readString(dir.resolve("stderr.txt")));
    }

}
