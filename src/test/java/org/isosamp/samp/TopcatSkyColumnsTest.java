package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.archive.QueryRequest;
import org.isosamp.table.SkyColumns;
import org.isosamp.table.TopcatSkyProbe;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestBus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * ISO's RA is in hours: the tables iso-samp broadcasts must make a real TOPCAT 4.8.7 (Debian's jar, in a child
 * JVM, through {@link TopcatSkyProbe}) choose the RA in degrees and the main Dec by default, for its row actions
 * ("Send Sky Coordinates") and for its sky plots. Skipped when TOPCAT's jar is not installed (Debian: {@code topcat}).
 */
class TopcatSkyColumnsTest {

    private static final Path TOPCAT_JAR = Path.of("/usr/share/java/starlink-topcat.jar");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final TestBus bus = new TestBus();

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
        // every column: cra/cdec (the commanded pointing) came first, and ra (hours) sits beside ra_deg
        "SELECT TOP 10 * FROM ida.observations ORDER BY tdt  | table.load.votable | ra_deg | dec",
        "SELECT TOP 10 * FROM ida.observations ORDER BY tdt  | table.load.fits    | ra_deg | dec",
        // the hours column alone: TOPCAT took it for degrees; a degrees column is added beside it
        "SELECT TOP 10 tdt, ra, dec FROM ida.observations ORDER BY tdt | table.load.votable | ra_deg | dec",
        "SELECT TOP 10 tdt, dec, ra FROM ida.observations ORDER BY tdt | table.load.fits    | ra_deg | dec",
    })
    void topcatDefaultsToDegrees(String adql, String mtype, String ra, String dec) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(TOPCAT_JAR), TOPCAT_JAR + " absent: install Debian's topcat");
        StarTable result = SharedArchive.client().query(QueryRequest.builder(adql).maxrec(100).build()).table();
        List<String> asked = names(result);
        assertTrue(asked.contains("ra"), asked.toString());
        byte[] sent;
        try (FakeViewer topcat = FakeViewer.loading(bus.hub(), "topcat", mtype);
             TableSender sender = new TableSender(bus.samp(), bus.server(), new SentTables())) {
            bus.connect(1);
            sender.publish(result, TableSender.queryLabel(adql), null);
            FakeViewer.Received got = topcat.next(WAIT);
            assertNotNull(got, "nothing reached the TOPCAT stand-in");
            sent = got.loaded();
        }
        Path file = dir.resolve(mtype.endsWith("fits") ? "sent.fits" : "sent.vot");
        Files.write(file, sent);
        String out = probe(file);
        // TOPCAT's "Send Sky Coordinates": the degrees pair, read as degrees
        assertTrue(out.contains("activation ra=" + ra + " unit=degrees dec=" + dec + " unit=degrees"), out);
        // TOPCAT's sky plot: the same pair
        assertTrue(out.contains("plot ra=" + ra + " dec=" + dec + " "), out);
        // the column the user asked for is still there, in hours
        StarTable back = new uk.ac.starlink.table.StarTableFactory(true).makeStarTable(file.toString());
        int hours = names(back).indexOf("ra");
        assertTrue(hours >= 0, names(back).toString());
        assertEquals("h", back.getColumnInfo(hours).getUnitString());
        assertEquals(result.getRowCount(), back.getRowCount());
        // and the degrees TOPCAT now takes are the same position
        int degrees = names(back).indexOf(ra);
        for (long row = 0; row < back.getRowCount(); row++) {
            double h = ((Number) back.getCell(row, hours)).doubleValue();
            assertEquals(h * 15, ((Number) back.getCell(row, degrees)).doubleValue(), 1e-9, "row " + row);
        }
    }

    /**
     * The plug-in's loads: the archive's table, unadjusted, is read in TOPCAT's JVM and shown to TOPCAT through
     * {@link SkyColumns#forTopcat} running on TOPCAT's own STIL (4.1.3 on Debian).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"SELECT TOP 10 * FROM ida.observations ORDER BY tdt",
        "SELECT TOP 10 ra, dec FROM ida.observations"})
    void insideTopcatTheAdjusterRunsOnTopcatsStil(String adql) throws Exception {
        Assumptions.assumeTrue(Files.isReadable(TOPCAT_JAR), TOPCAT_JAR + " absent: install Debian's topcat");
        StarTable result = SharedArchive.client().query(QueryRequest.builder(adql).maxrec(100).build()).table();
        Path file = dir.resolve("raw.vot");
        try (var out = Files.newOutputStream(file)) {
            new VOTableWriter(DataFormat.BINARY2, true, VOTableVersion.V14).writeStarTable(result, out);
        }
        String raw = probe(file);
        assertFalse(raw.contains("activation ra=ra_deg "), "unadjusted, TOPCAT takes cra or ra: " + raw);
        String out = probe(file, "adjust");
        assertTrue(out.contains("activation ra=ra_deg unit=degrees dec=dec unit=degrees"), out);
        assertTrue(out.contains("plot ra=ra_deg dec=dec "), out);
    }

    private static List<String> names(StarTable t) {
        return java.util.stream.IntStream.range(0, t.getColumnCount()).mapToObj(i -> t.getColumnInfo(i).getName())
            .toList();
    }

    /** @return what {@link TopcatSkyProbe} prints for the file, run with TOPCAT's jar first on the class path */
    private String probe(Path file, String... more) throws IOException, InterruptedException {
        String ours = codeSource(TopcatSkyProbe.class) + java.io.File.pathSeparator + codeSource(SkyColumns.class);
        Path log = dir.resolve("probe.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.awt.headless=true", "-cp", TOPCAT_JAR + java.io.File.pathSeparator + ours,
            TopcatSkyProbe.class.getName(), file.toString(), more.length > 0 ? more[0] : "")
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "TOPCAT probe did not finish");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String codeSource(Class<?> c) {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    }
}
