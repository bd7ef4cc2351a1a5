package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.testing.TopcatProbe;
import org.isosamp.testing.Xvfb;
import org.isosamp.archive.QueryResult;
import org.isosamp.table.SkyColumns;
import org.isosamp.testing.SharedArchive;
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
 * URL, as a user gives it {@code serve-local}'s. Without TOPCAT's jar, Xvfb or ImageMagick the test fails, naming what to install.
 */
class IsoLoadDialogTopcatTest {

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
        TopcatProbe.require();

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

        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             TopcatProbe topcat = TopcatProbe.start(x, dir, List.of("startable.load.dialogs=" + IsoLoadDialog.class.getName()),
                 TopcatLoadProbe.class, url, RA + " " + DEC, Double.toString(RADIUS), "ida.observations",
                 Integer.toString(REV), "SWS")) {
            String out = topcat.await("shown", START, "TOPCAT's Load window");
            assertTrue(out.contains("listed ISO Data Archive " + IsoLoadDialog.class.getName()),
                       "TOPCAT's Load window lists the dialog:\n" + out);
            assertTrue(out.contains("\nshown"), "the Load window shows the dialog:\n" + out);
            x.screenshot("topcat-load-window.png");
            topcat.send("go");
            out = topcat.await("adql ", START, "the loads in TOPCAT");
            assertTrue(out.contains("\nadql "), "TOPCAT loaded the tables:\n" + out);
            x.screenshot("topcat-adql-browser.png");
            topcat.send("go");
            topcat.endInput();
            String end = topcat.await("done", START, "the probe's end");
            assertTrue(end.contains("\ndone"), end);
            assertTrue(end.contains("\ntables 2\n"), "one table per load:\n" + end);
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
            x.screenshot("topcat-loaded.png");
        }
    }
}
