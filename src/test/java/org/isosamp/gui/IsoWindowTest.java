package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.isosamp.testing.ChildJvm;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.Xvfb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;

/**
 * The real window on a private X display ({@link Xvfb}), driven by {@link WindowProbe} in a JVM of its own over the
 * embedded local archive: the seed's M31 cone, sorting, tooltips, saving, MAXREC, Cancel, what it remembers, the
 * launcher with no command, and the check that nothing touches the disk or network on the event thread.
 * Screenshots go to {@code target/screenshots/window-*.png}.
 */
class IsoWindowTest {

    private static final Duration RUN = Duration.ofSeconds(180);
    private static final Path SHOTS = Path.of("target", "screenshots").toAbsolutePath();

    @TempDir
    static Path xdir;
    private static Xvfb x;

    @BeforeAll
    static void display() throws Exception {
        x = Xvfb.start(xdir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (x != null) {
            x.close();
        }
    }

    @Test
    void searchesTheM31ConeSortsSavesCutsAtMaxrecCancelsAndRemembers(@TempDir Path dir) throws Exception {
        long want = SharedArchive.client().cone("ida.observations", 10.684708, 41.26875, 0.1, 1000).table()
            .getRowCount();
        assertEquals(49, want, "the seed's M31 cone (r = 0.1 deg)");

        List<String> out = probe(dir, "run", SHOTS.toString());
        assertTrue(out.contains("rows 49"), String.join("\n", out));
        assertTrue(line(out, "summary ").startsWith("summary 49 rows"), String.join("\n", out));
        // the async job's phases were shown as they came
        assertTrue(line(out, "phases ").contains("Job: COMPLETED"), line(out, "phases "));
        // units and descriptions as header tooltips
        String tip = line(out, "tooltip ");
        assertTrue(tip.contains("<b>ra_deg</b> [deg]") && tip.contains("UCD: pos.eq.ra"), tip);
        assertEquals("same-table true", line(out, "same-table "));
        assertEquals("selected-tdts 1 true", line(out, "selected-tdts "));
        assertEquals("result-listener 49 ISO ida.observations cone 10.684708 41.26875 r=0.1",
                     line(out, "result-listener "));
        assertEquals("enter-rows 49", line(out, "enter-rows "));
        assertTrue(line(out, "sorted ").startsWith("sorted true") && tip.length() > 0, line(out, "sorted "));
        assertTrue(line(out, "sorted ").endsWith("model-unchanged true"), line(out, "sorted "));
        // saved through OutputTarget/TableFiles, read back by STIL
        assertEquals("save-csv Saved 49 rows to " + dir.resolve("m31.csv"), line(out, "save-csv "));
        assertEquals("save-fits Saved 49 rows to " + dir.resolve("m31.fits"), line(out, "save-fits "));
        StarTableFactory f = new StarTableFactory(true);
        StarTable csv = f.makeStarTable(dir.resolve("m31.csv").toString(), "csv");
        StarTable fits = f.makeStarTable(dir.resolve("m31.fits").toString(), "fits");
        assertEquals(49, csv.getRowCount());
        assertEquals(49, fits.getRowCount());
        // MAXREC cut the answer: said so
        assertEquals("overflow-rows 5", line(out, "overflow-rows "));
        assertTrue(line(out, "overflow-summary ").startsWith("overflow-summary Truncated: the first 5 rows (MAXREC 5)"),
                   line(out, "overflow-summary "));
        // a search that hangs is cancelled, and its connection closed
        assertTrue(line(out, "searching ").startsWith("searching true phase Job: submitting"), String.join("\n", out));
        assertTrue(line(out, "cancelled ").contains(" status Cancelled: ISO ida.observations"), line(out, "cancelled "));
        assertTrue(out.contains("closed"), String.join("\n", out));
        // nothing slow ran on the event thread while it searched, showed and saved
        assertTrue(out.contains("edt-check done"), String.join("\n", out));
        assertEquals(List.of(), out.stream().filter(l -> l.startsWith("edt-io ")).toList());
        for (String png : List.of("window-results.png", "window-overflow.png", "window-searching.png")) {
            assertTrue(Files.size(SHOTS.resolve(png)) > 10_000, png);
        }

        // a second start finds what the first left
        List<String> again = probe(dir, "again");
        assertEquals("again-archive local", line(again, "again-archive "));
        assertEquals("again-maxrec 1000", line(again, "again-maxrec ")); // the last search's
        assertEquals("again-folder " + dir.resolve("downloads"), line(again, "again-folder "));
        assertEquals("again-bounds 60,50,1100,760", line(again, "again-bounds "));
    }

    @Test
    void theEventThreadCheckCatchesADiskReadThere(@TempDir Path dir) throws Exception {
        List<String> out = probe(dir, "inject");
        List<String> violations = out.stream().filter(l -> l.startsWith("edt-io ")).toList();
        // the read, caught (one event per read call it made), and nothing else: building the window touched nothing
        assertTrue(!violations.isEmpty(), String.join("\n", out));
        for (String v : violations) {
            assertTrue(v.contains("jdk.FileRead on AWT-EventQueue") && v.contains("injected.txt")
                       && v.contains("org.isosamp.gui.WindowProbe.lambda$inject"), v);
        }
    }

    @Test
    void theLauncherWithNoCommandOpensTheWindowInFlatLaf(@TempDir Path dir) throws Exception {
        List<String> out = probe(dir, "launcher");
        assertEquals("launcher-shown FlatLaf Light", line(out, "launcher-shown "));
        assertEquals("launcher-exit 0", line(out, "launcher-exit "));
    }

    private static List<String> probe(Path dir, String mode, String... more) throws Exception {
        String[] args = new String[2 + more.length];
        args[0] = mode;
        args[1] = dir.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        // the window's bus panel looks for a hub: a private lockfile where none runs, never the user's ~/.samp
        Map<String, String> env = Map.of("DISPLAY", x.display(),
                                         "SAMP_HUB", "std-lockurl:" + dir.resolve("no-hub.samp").toUri());
        try (ChildJvm child = ChildJvm.start(dir, env, WindowProbe.class.getName(), args)) {
            int exit = child.waitFor(RUN);
            List<String> out = child.output().lines().toList();
            assertEquals(0, exit, child.output());
            assertTrue(out.contains("done"), child.output());
            return out;
        }
    }

    private static String line(List<String> out, String prefix) {
        return out.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no " + prefix + "line in: "
            + String.join("\n", out) + ")");
    }
}
