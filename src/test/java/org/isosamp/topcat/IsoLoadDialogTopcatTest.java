package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.archive.QueryResult;
import org.isosamp.table.SkyColumns;
import org.isosamp.testing.Await;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;

/**
 * The load dialog inside the real TOPCAT 4.8.7 (Debian's jar), under a private Xvfb: TOPCAT's Load window lists
 * "ISO Data Archive", and a load of the M31 cone from the local archive through the dialog arrives in TOPCAT's
 * table list with the archive's rows, units and UCDs (the sky columns in degrees first, as {@link SkyColumns}); then
 * a search of SWS spectra by revolution, through the same dialog's fields, arrives with the rows a plain ADQL count
 * gives.
 *
 * <p>The class path: TOPCAT's jar first (its STIL 4.1.3 and JSAMP win, as in {@code topcat -classpath}), then
 * {@code target/classes}, {@code target/test-classes} and the runtime libraries except STIL and JSAMP. Not the
 * plug-in jar, which {@code package} makes after the tests run; what that jar holds is
 * {@code PluginJarCheck}'s business. The local archive runs in this JVM (on 127.0.0.1) and the dialog is given its
 * URL, as a user gives it {@code serve-local}'s. Skipped without TOPCAT's jar, Xvfb or ImageMagick's {@code import}.
 */
class IsoLoadDialogTopcatTest {

    private static final Path TOPCAT_JAR = Path.of("/usr/share/java/starlink-topcat.jar");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration START = Duration.ofSeconds(90);
    private static final double RA = 10.684708;
    private static final double DEC = 41.26875;
    private static final double RADIUS = 0.1;
    private static final int REV = 800;

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
    }

    @Test
    void topcatListsTheDialogAndLoadsTheM31ConeThroughIt() throws Exception {
        Assumptions.assumeTrue(Files.isReadable(TOPCAT_JAR), TOPCAT_JAR + " absent: install Debian's topcat");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/Xvfb")), "no /usr/bin/Xvfb (Debian: xvfb)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/import")), "no /usr/bin/import (imagemagick)");

        // what the archive itself answers, as the dialog should hand it to TOPCAT
        QueryResult expected = SharedArchive.client().cone("ida.observations", RA, DEC, RADIUS, 1000);
        StarTable want = SkyColumns.forTopcat(expected.table());
        assertTrue(want.getRowCount() > 0, "the seed has observations in the M31 cone");
        List<String> wantColumns = new ArrayList<>();
        for (int i = 0; i < want.getColumnCount(); i++) {
            ColumnInfo c = want.getColumnInfo(i);
            wantColumns.add("column " + c.getName() + "|" + c.getUnitString() + "|" + c.getUCD());
        }
        String url = SharedArchive.get().baseUrl().toString();
        // the second search, by revolution and instrument through the dialog's fields; its count by plain ADQL
        long spectra = SharedArchive.client().query(org.isosamp.archive.QueryRequest.builder(
            "SELECT tdt FROM ivoa.ssap WHERE tdt >= " + REV * 100_000 + " AND tdt < " + (REV + 1) * 100_000
            + " AND instrument_name = 'SWS'").build()).table().getRowCount();
        assertTrue(spectra > 0, "SWS spectra in revolution " + REV);

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
                "-Duser.home=" + home, "-Dstartable.load.dialogs=" + IsoLoadDialog.class.getName(),
                "-cp", classPath(), TopcatLoadProbe.class.getName(),
                url, RA + " " + DEC, Double.toString(RADIUS), "ida.observations", Integer.toString(REV), "SWS");
            pb.environment().put("DISPLAY", display);
            pb.environment().put("HOME", home.toString());
            pb.environment().put("XDG_CONFIG_HOME", home.toString());
            pb.environment().put("XDG_CACHE_HOME", home.toString());
            pb.environment().remove("SAMP_HUB");
            pb.environment().remove("ISO_SAMP_ARCHIVE");
            topcat = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Process running = topcat;
            Await.until(() -> read(log).contains("\nshown") || !running.isAlive(), START, "TOPCAT's Load window");
            String out = read(log);
            assertTrue(out.contains("listed ISO Data Archive " + IsoLoadDialog.class.getName()),
                       "TOPCAT's Load window lists the dialog:\n" + out);
            assertTrue(out.contains("\nshown"), "the Load window shows the dialog:\n" + out);
            screenshot(display, "topcat-load-window.png");
            OutputStream in = topcat.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            Await.until(() -> read(log).contains("\nadql ") || !running.isAlive(), START, "the loads in TOPCAT");
            out = read(log);
            assertTrue(out.contains("\nadql "), "TOPCAT loaded the tables:\n" + out);
            screenshot(display, "topcat-adql-browser.png");
            in.write("go\n".getBytes(StandardCharsets.US_ASCII));
            in.close();
            Await.until(() -> read(log).contains("\ndone") || !running.isAlive(), START, "the probe's end");
            assertTrue(read(log).contains("\ndone"), read(log));
            assertTrue(read(log).contains("\ntables 2\n"), "one table per load:\n" + read(log));
            List<String> lines = out.lines().toList();
            String table = lines.stream().filter(l -> l.startsWith("table ")).findFirst().orElseThrow();
            assertTrue(table.startsWith("table ISO ida.observations cone"), table);
            assertTrue(table.endsWith(" " + want.getRowCount()), "rows: " + table + ", want " + want.getRowCount());
            assertEquals(wantColumns, lines.stream().filter(l -> l.startsWith("column ")).toList(), out);
            // the sky pair TOPCAT takes by default is in degrees
            assertTrue(wantColumns.stream().anyMatch(c -> c.startsWith("column ra_deg|deg|pos.eq.ra;meta.main")),
                       wantColumns.toString());
            assertTrue(lines.contains("status " + want.getRowCount() + " rows"), out);
            assertTrue(lines.contains("table2 ISO ivoa.ssap rev " + REV + " instrument SWS " + spectra), out);
            assertTrue(lines.contains("status2 " + spectra + " rows"), out);
            // the ADQL tab's browser, fed by the archive's own columns
            int columns = SharedArchive.client().columns("ida.observations").size();
            assertTrue(lines.contains("adql " + columns), "the browser lists ida.observations' " + columns
                                                          + " columns:\n" + out);
            screenshot(display, "topcat-loaded.png");
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
