package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.isosamp.testing.TopcatProbe;
import org.isosamp.testing.Xvfb;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryRequest;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.products.ProductInspector;
import org.isosamp.products.TarFiles;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StarTableOutput;
import uk.ac.starlink.table.TableSequence;
import uk.ac.starlink.util.DataSource;

/**
 * The activation action "ISO product" inside the real TOPCAT 4.8.7 (Debian's jar), under a private Xvfb: on an
 * {@code ida.observations} table from the local archive TOPCAT's activation window lists the action, and with it set
 * to STANDALONE, load into TOPCAT and a folder, activating the row of an LWS spectrum (as a click in the table does)
 * saves the product, whole, in the folder and adds the spectrum to TOPCAT's table list with all its rows. The
 * action's settings come back from a session's state ({@code setState(getState())}, and the window's whole state).
 * A screenshot of the activation window showing the action is saved in {@code target/screenshots/}.
 *
 * <p>On the M31 cone (the load dialog's table), set to "show postcard", clicks on two CAM rows each bring the row's
 * postcard up, in one window that TOPCAT's activation window does not hide: the test reads the pixels off the
 * screen and finds the archive's 256x256 PNG, every pixel ({@code topcat-postcard.png}); the action's panel is seen
 * whole at the window's own size. Set to "load tables", a click on the SWS spectrum's row adds one table to TOPCAT's
 * list, holding every row of the product's segments; with OBSERVATION, a click on an LWS row adds the tables of its
 * DEFAULT_DATA_SET tar, unpacked in the folder, every row.
 *
 * <p>The class path is {@link org.isosamp.testing.TopcatClassPath}'s: TOPCAT's jar first, so TOPCAT's own classes,
 * not the compile stubs, serve (a stub signature that differs from TOPCAT's fails here). Without TOPCAT's jar, Xvfb
 * or ImageMagick the test fails, naming what to install.
 */
class IsoProductActivationTopcatTest {

    private static final Duration START = Duration.ofSeconds(90);
    private static final String SPECTRUM = "58002102";
    // the M31 cone of the load dialog's test, a CAM image and an SWS spectrum in it
    private static final double M31_RA = 10.68470833;
    private static final double M31_DEC = 41.26875;
    private static final double M31_RADIUS = 0.1;
    private static final List<String> IMAGES = List.of("58302402", "58302703");
    private static final String SWS_SPECTRUM = "40001501";
    private static final String TAR_TDT = "60202005";

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

    @Test
    void onTheM31TableAnActivatedRowShowsItsPostcardAndLoadsASpectrum() throws Exception {
        TopcatProbe.require();

        // the M31 cone as a user has it in TOPCAT (the load dialog's table)
        IsoArchive archive = SharedArchive.client();
        StarTable cone = archive.cone("ida.observations", M31_RA, M31_DEC, M31_RADIUS, 1000).table();
        Path tableFile = dir.resolve("m31.vot");
        new StarTableOutput().writeStarTable(cone, tableFile.toString(), "votable");
        long spectrumRow = rowOf(cone, SWS_SPECTRUM);
        // what the archive serves: two postcards, and the spectrum's segments as STIL reads them
        Path expected = dir.resolve("expected");
        List<String> cards = new java.util.ArrayList<>();
        for (String tdt : IMAGES) {
            cards.add(Long.toString(rowOf(cone, tdt)));
            cards.add(archive.postcard(tdt, expected, null, null).toString());
        }
        BufferedImage card = ImageIO.read(Path.of(cards.get(1)).toFile());
        Path spectrum = archive.download(SWS_SPECTRUM, RetrievalType.STANDALONE, null, expected, null, null);
        long segmentRows = 0;
        int segments = 0;
        TableSequence seq = new StarTableFactory(false).makeStarTables(DataSource.makeDataSource(spectrum.toString()),
            "fits");
        for (StarTable t; (t = seq.nextTable()) != null; segments++) {
            segmentRows += t.getRowCount();
        }
        assertTrue(segments > 1, "the SWS product is segmented: " + segments);
        // and the tables in the LWS observation's tar, unpacked here
        long tarRow = rowOf(cone, TAR_TDT);
        Path tar = archive.download(TAR_TDT, RetrievalType.OBSERVATION, ProductLevel.DEFAULT_DATA_SET, expected, null,
            null);
        long tarRows = 0;
        for (Path f : TarFiles.extract(tar, dir.resolve("unpacked"))) {
            if (f.getFileName().toString().endsWith(".fits")) {
                seq = new StarTableFactory(false).makeStarTables(DataSource.makeDataSource(f.toString()), "fits");
                for (StarTable t; (t = seq.nextTable()) != null; ) {
                    tarRows += t.getRowCount();
                }
            }
        }
        assertTrue(tarRows > 0, "tables in " + tar);
        Path folder = dir.resolve("products");
        String url = SharedArchive.get().baseUrl().toString();

        try (Xvfb x = Xvfb.start(dir.resolve("xvfb"));
             TopcatProbe topcat = TopcatProbe.start(x, dir,
                 List.of("topcat.activators=" + IsoProductActivationType.class.getName()), TopcatPostcardProbe.class,
                 Stream.concat(Stream.of(tableFile.toString(), url, folder.toString(),
                     Long.toString(spectrumRow), Long.toString(tarRow)), cards.stream()).toArray(String[]::new))) {
            String out = topcat.await("shown", START, "the postcards in TOPCAT");
            x.screenshot("topcat-postcard.png");
            List<String> lines = out.lines().toList();
            assertTrue(lines.contains("ready ACTIVATOR"), "set to show the postcard, it has an activator:\n" + out);
            // the panel is seen whole in TOPCAT's window, as TOPCAT sizes it: no scrolling to find the folder
            assertTrue(lines.contains("config scrollbars false false"), "the action's panel fits:\n" + out);
            // for each row, a window for its observation, showing the archive's postcard, drawn on the screen
            List<String> shown = lines.stream().filter(l -> l.startsWith("postcard ")).toList();
            List<String> sizes = lines.stream().filter(l -> l.startsWith("icon ")).toList();
            List<String> pixels = lines.stream().filter(l -> l.startsWith("pixels ")).toList();
            assertEquals(IMAGES.size(), shown.size(), "a postcard window per click:\n" + out);
            assertEquals(IMAGES.size(), pixels.size(), "pixels read off the screen per postcard:\n" + out);
            int total = card.getWidth() * card.getHeight();
            for (int i = 0; i < IMAGES.size(); i++) {
                assertTrue(shown.get(i).contains(IMAGES.get(i)) && shown.get(i).endsWith(" true"),
                    "a postcard window for " + IMAGES.get(i) + " shows:\n" + out);
                assertEquals("icon " + card.getWidth() + " " + card.getHeight(), sizes.get(i), "the postcard's size");
                String[] p = pixels.get(i).split(" ");
                assertEquals(Integer.toString(total), p[2], pixels.get(i));
                assertEquals(Integer.toString(total), p[1], "every pixel of " + IMAGES.get(i)
                    + " on the screen is the postcard's: " + pixels.get(i));
                assertTrue(Integer.parseInt(p[3]) > 16, "not blank: " + pixels.get(i));
                assertTrue(Files.exists(folder.resolve(IMAGES.get(i) + ".png")), "the postcard is saved in the folder");
            }
            // one window, showing the last row's: clicking down a table does not pile up windows
            assertTrue(lines.contains("windows 1"), "one postcard window:\n" + out);
            assertTrue(lines.contains("covers-activation-window false"), "beside TOPCAT's window:\n" + out);
            String last = IMAGES.get(IMAGES.size() - 1);
            assertTrue(lines.contains("outcome " + last + ": postcard shown (saved as " + folder.resolve(last + ".png")
                + ")"), "TOPCAT's Results say what happened:\n" + out);

            topcat.send("go");
            topcat.endInput();
            String end = topcat.await("done", START, "the spectrum loaded in TOPCAT");
            lines = end.lines().toList();
            assertTrue(end.contains("\ndone"), "TOPCAT loaded the spectrum:\n" + end);
            // the segments as one table, every row, named after the observation, read from the folder
            List<String[]> added = lines.stream().filter(l -> l.startsWith("table ")).map(l -> l.split(" ")).toList();
            assertEquals(1, added.size(), "one table for the segmented spectrum:\n" + end);
            assertTrue(added.get(0)[1].contains(SWS_SPECTRUM), end);
            assertEquals(Long.toString(segmentRows), added.get(0)[2], "rows of all " + segments + " segments:\n" + end);
            assertTrue(Path.of(added.get(0)[3]).startsWith(folder), end);
            // the tar's tables, from the folder the tar was unpacked in
            List<String[]> fromTar = lines.stream().filter(l -> l.startsWith("tartable ")).map(l -> l.split(" "))
                .toList();
            assertFalse(fromTar.isEmpty(), "tables from " + tar.getFileName() + ":\n" + end);
            assertEquals(tarRows, fromTar.stream().mapToLong(t -> Long.parseLong(t[2])).sum(),
                "every row of the tar's tables:\n" + end);
            Path unpacked = folder.resolve(tar.getFileName().toString().replaceFirst("\\.tar$", ""));
            for (String[] t : fromTar) {
                assertTrue(t[1].contains(TAR_TDT) && Path.of(t[3]).startsWith(unpacked), String.join(" ", t));
            }
            assertTrue(lines.contains("tables " + (2 + fromTar.size())), "the M31 table and the products:\n" + end);
            assertTrue(lines.contains("closed-with-activation-window windows 0"),
                       "the postcard window closes with TOPCAT's activation window:\n" + end);
        }
    }

    private static long rowOf(StarTable t, String tdt) throws java.io.IOException {
        int col = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (t.getColumnInfo(i).getName().equals("tdt")) {
                col = i;
            }
        }
        for (long r = 0; r < t.getRowCount(); r++) {
            if (String.valueOf(t.getCell(r, col)).equals(tdt)) {
                return r;
            }
        }
        throw new AssertionError("the M31 cone has no row with tdt " + tdt);
    }
}
