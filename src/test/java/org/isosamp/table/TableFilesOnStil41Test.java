package org.isosamp.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * Saving FITS works on TOPCAT 4.8.7's STIL 4.1.3, which has no {@code StringEncoder}: {@link FitsSaveProbe} runs in
 * a child JVM with Debian's STIL jars first on the class path, as Debian's {@code topcat} script puts TOPCAT's (and
 * with neither STIL 4.3.5 nor JSAMP 1.3.9 after them, as the plug-in jar has neither); the files it writes are read
 * back here with nom-tam-fits and STIL 4.3.5, strings beyond ASCII as STIL 4.3 writes them. Skipped where Debian's STIL ({@code starlink-table}, which TOPCAT
 * depends on) is not installed.
 */
class TableFilesOnStil41Test {

    private static final Path DEBIAN_STIL = Path.of("/usr/share/java/starlink-table.jar");

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
    }

    @Test
    void fitsSavesAreValidFitsOnStil41() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(DEBIAN_STIL), DEBIAN_STIL + " absent: install Debian's topcat");
        Path log = dir.resolve("probe.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", classPath(), FitsSaveProbe.class.getName(), dir.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe ends");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("stil file:/usr/share/java/starlink-table"), "STIL came from Debian's jar: " + out);
        assertTrue(out.contains("\nsaved"), out);
        for (String name : List.of("save.fits", "stream.fits")) {
            checkFits(dir.resolve(name));
        }
    }

    /** A primary HDU and a binary table of the probe's rows, as nom-tam-fits and STIL 4.3.5 read it. */
    private static void checkFits(Path file) throws Exception {
        assertEquals(0, Files.size(file) % 2880, file + " is whole FITS blocks");
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?>[] hdus = fits.read();
            assertEquals(2, hdus.length, file + ": primary HDU and table");
            BinaryTableHDU table = (BinaryTableHDU) hdus[1];
            assertEquals(FitsSaveProbe.ROWS.length, table.getNRows(), file.toString());
            assertEquals(List.of("tdt", "target", "ra_deg"),
                         List.of(table.getColumnName(0), table.getColumnName(1), table.getColumnName(2)));
        }
        StarTable t = new StarTableFactory(false).makeStarTable(file.toString(), "fits");
        assertEquals(FitsSaveProbe.ROWS.length, t.getRowCount());
        for (int r = 0; r < 2; r++) { // ASCII strings come back as written
            assertEquals(Arrays.asList(FitsSaveProbe.ROWS[r]), Arrays.asList(t.getRow(r)), file + " row " + r);
        }
        // beyond ASCII, what STIL 4.3 writes by default (and FitsAscii): '?', not STIL 4.1's low byte of each char,
        // which FITS does not allow in a character field
        assertEquals(List.of(80000205, "caf? ?", 10.7), Arrays.asList(t.getRow(2)), file + " row 2");
    }

    /** Debian's STIL first (its jar's manifest brings the rest of STIL 4.1.3), then ours without STIL or JSAMP. */
    private static String classPath() {
        List<String> path = new ArrayList<>(List.of(DEBIAN_STIL.toString()));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(p -> !p.replace('\\', '/').contains("/uk/ac/starlink/")
                         && !p.replace('\\', '/').contains("/org/astrogrid/"))
            .forEach(path::add);
        return String.join(File.pathSeparator, path);
    }
}
