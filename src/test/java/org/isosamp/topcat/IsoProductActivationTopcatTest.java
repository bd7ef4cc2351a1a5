package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.testing.TopcatProbe;
import org.isosamp.testing.Xvfb;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryRequest;
import org.isosamp.model.RetrievalType;
import org.isosamp.products.ProductInspector;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableOutput;

/**
 * The activation action "ISO product" inside the real TOPCAT 4.8.7 (Debian's jar), under a private Xvfb: on an
 * {@code ida.observations} table from the local archive TOPCAT's activation window lists the action, and with it set
 * to STANDALONE, load into TOPCAT and a folder, activating the row of an LWS spectrum (as a click in the table does)
 * saves the product, whole, in the folder and adds the spectrum to TOPCAT's table list with all its rows. The
 * action's settings come back from a session's state ({@code setState(getState())}, and the window's whole state).
 * A screenshot of the activation window showing the action is saved in {@code target/screenshots/}.
 *
 * <p>The class path is {@link org.isosamp.testing.TopcatClassPath}'s: TOPCAT's jar first, so TOPCAT's own classes,
 * not the compile stubs, serve (a stub signature that differs from TOPCAT's fails here). Without TOPCAT's jar, Xvfb
 * or ImageMagick the test fails, naming what to install.
 */
class IsoProductActivationTopcatTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String SPECTRUM = "58002102";

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
    }

    @Test
    void topcatListsTheActionAndAnActivatedRowLoadsItsProduct() throws Exception {
        TopcatProbe.require();

        // the table a user has in TOPCAT: observations with their tdt column, from the archive
        IsoArchive archive = SharedArchive.client();
        StarTable obs = archive.query(QueryRequest.builder(
            "SELECT * FROM ida.observations WHERE tdt IN (58302402, " + SPECTRUM + ") ORDER BY tdt").build()).table();
        Path tableFile = dir.resolve("observations.vot");
        new StarTableOutput().writeStarTable(obs, tableFile.toString(), "votable");
        long row = -1;
        int tdtCol = -1;
        for (int i = 0; i < obs.getColumnCount(); i++) {
            if (obs.getColumnInfo(i).getName().equals("tdt")) {
                tdtCol = i;
            }
        }
        for (long r = 0; r < obs.getRowCount() && row < 0; r++) {
            if (String.valueOf(obs.getCell(r, tdtCol)).equals(SPECTRUM)) {
                row = r;
            }
        }
        assertTrue(row >= 0, "the seed has observation " + SPECTRUM);
        // what the product is, as the archive serves it
        Path expected = archive.download(SPECTRUM, RetrievalType.STANDALONE, null, dir.resolve("expected"), null,
            null);
        long rows = ProductInspector.inspect(expected).rows();
        Path folder = dir.resolve("products");
        String url = SharedArchive.get().baseUrl().toString();

        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             TopcatProbe topcat = TopcatProbe.start(x, dir,
                 List.of("topcat.activators=" + IsoProductActivationType.class.getName()), TopcatActivationProbe.class,
                 tableFile.toString(), url, Long.toString(row), folder.toString())) {
            String out = topcat.await("shown", START, "TOPCAT's activation window");
            List<String> lines = out.lines().toList();
            assertTrue(lines.contains("option " + IsoProductActivationType.NAME), "TOPCAT offers the action:\n" + out);
            assertTrue(lines.contains("listed " + IsoProductActivationType.class.getName()),
                       "the window lists it for a table with a tdt column:\n" + out);
            assertTrue(lines.contains("selected " + IsoProductActivationType.class.getName()), out);
            assertTrue(lines.contains("ready ACTIVATOR"), "configured, it has an activator:\n" + out);
            x.screenshot("topcat-activation-window.png");
            topcat.send("go");
            topcat.endInput();
            out = topcat.await("done", START, "the activation in TOPCAT");
            lines = out.lines().toList();
            assertTrue(out.contains("\ndone"), "TOPCAT ran the activation:\n" + out);

            // the product, whole, in the folder; no part file left
            assertTrue(lines.contains("file " + SPECTRUM + ".fits " + Files.size(expected)), out);
            assertTrue(lines.stream().filter(l -> l.startsWith("file ")).noneMatch(l -> l.contains(".part")), out);
            assertEquals(Files.size(expected), Files.size(folder.resolve(SPECTRUM + ".fits")));
            // the spectrum in TOPCAT's table list, every segment's rows
            String table = lines.stream().filter(l -> l.startsWith("table ")).findFirst().orElseThrow();
            assertTrue(table.contains(SPECTRUM), table);
            assertTrue(table.endsWith(" " + rows), "rows: " + table + ", want " + rows);

            // the settings as a session saves them, and back
            assertTrue(lines.contains("state isoRetrievalType=STANDALONE"), out);
            assertTrue(lines.contains("state isoThen=LOAD"), out);
            assertTrue(lines.contains("state isoFolder=" + folder), out);
            assertTrue(lines.contains("state isoArchive=" + url), out);
            assertTrue(lines.contains("state isoColumn=tdt"), out);
            assertTrue(lines.contains("roundtrip SAME"), out);
            assertTrue(lines.contains("session SAME"), out);
            // set to send over SAMP, the spectrum goes through TOPCAT's hub to a SPLAT-like client
            assertTrue(lines.contains("sent spectrum.load.ssa-generic M31 (ISO LWS L01 " + SPECTRUM + ") true"), out);
            x.screenshot("topcat-activation-loaded.png");
        }
    }
}
