package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StarTableOutput;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * {@code query --output-format F} for every output format STIL can write, against the
 * shared local archive: the file, streamed from the TAP answer, holds the same columns and
 * rows as the archive's own VOTable (the {@code votable} path, saved as it came), read back
 * by STIL where STIL reads the format; and in every format it is byte for byte what STIL's
 * own writer makes of that VOTable read whole (write times masked).
 * The query overflows, so each run also shows the overflow warning and, in the formats that
 * keep table parameters, the {@code QUERY_STATUS=OVERFLOW} that follows the rows.
 */
class CliQueryFormatsTest {

    static final String QUERY = "SELECT TOP 60 * FROM ida.observations";
    static final String MAXREC = "50";

    /**
     * Output format → STIL input format to read it back with; absent: no STIL reader, or a lossy
     * one (ascii and text cut long strings), so compare the bytes.
     */
    static final Map<String, String> READERS = Map.ofEntries(
        Map.entry("fits", "fits-plus"), Map.entry("fits-plus", "fits-plus"), Map.entry("fits-basic", "fits"),
        Map.entry("fits-var", "fits"), Map.entry("colfits", "colfits-plus"), Map.entry("ecsv", "ecsv"),
        Map.entry("csv", "csv"), Map.entry("ipac", "ipac"), Map.entry("tst", "tst"),
        Map.entry("feather", "feather"), Map.entry("votable-tabledata", "votable"),
        Map.entry("votable-binary-inline", "votable"), Map.entry("votable-binary2-inline", "votable"),
        Map.entry("votable-fits-inline", "votable"));

    /** Writers STIL lists that cannot write this table here: no Parquet libraries, not a HEALPix map, a database. */
    static final List<String> UNSUPPORTED = List.of("parquet", "fits-healpix", "jdbc");

    @TempDir
    static Path dir;
    static StarTable reference;

    @BeforeAll
    static void votablePath() throws IOException {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
        Path vot = dir.resolve("reference.vot");
        CliRun r = CliRun.run("query", QUERY, "--maxrec", MAXREC, "--output-file", vot.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("truncated at MAXREC=50"), r.err());
        // as the parse-then-write path read it: rows as objects (STIL's default ADAPTIVE storage would
        // turn a null double into NaN, which most writers then print differently)
        StarTableFactory factory = new StarTableFactory(true);
        factory.setStoragePolicy(StoragePolicy.PREFER_MEMORY);
        reference = Tables.randomTable(factory.makeStarTable(vot.toString(), "votable"));
        assertEquals(50, reference.getRowCount());
        assertEquals(45, reference.getColumnCount());
    }

    /** @return every format STIL's writers name (but the raw VOTable path and the unsupported), and legacy variants */
    static Stream<String> formats() {
        List<String> names = new ArrayList<>();
        for (StarTableWriter w : new StarTableOutput().getHandlers()) {
            String n = w.getFormatName().toLowerCase(java.util.Locale.ROOT);
            if (!n.equals("votable") && !UNSUPPORTED.contains(n)) {
                names.add(n);
            }
        }
        names.addAll(List.of("fits-plus", "fits-basic", "fits-var", "votable-tabledata", "votable-binary-inline",
                             "votable-binary2-inline", "votable-fits-inline"));
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void streamedFileHasTheVotablesColumnsAndRows(String format) throws Exception {
        Path sub = Files.createDirectory(dir.resolve("out-" + format));
        Path f = sub.resolve("result." + format);
        CliRun r = CliRun.run("query", QUERY, "--maxrec", MAXREC, "--output-format", format,
                              "--output-file", f.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("truncated at MAXREC=50"), "overflow still reported: " + r.err());
        try (var s = Files.list(sub)) {
            assertEquals(List.of(f), s.toList(), "the file under exactly its name, nothing else");
        }
        String reader = READERS.get(format);
        if (reader != null) {
            StarTable back = Tables.randomTable(new StarTableFactory(true).makeStarTable(f.toString(), reader));
            assertSameTable(reference, back, format);
        }
        assertEquals(masked(write(reference, format)), masked(Files.readAllBytes(f)),
                     format + ": the bytes STIL writes from the archive's VOTable");
    }

    @Test
    void formatsThatKeepParametersKeepTheTrailingOverflow() throws Exception {
        Path f = dir.resolve("meta.ecsv");
        assertEquals(0, CliRun.run("query", QUERY, "--maxrec", MAXREC, "--output-file", f.toString()).exit());
        String ecsv = Files.readString(f);
        assertTrue(ecsv.contains("#   QUERY_STATUS: OVERFLOW"), ecsv.substring(0, 400));
        assertTrue(ecsv.contains("#   QUERY: SELECT TOP 60 * FROM ida.observations"));

        Path fits = dir.resolve("meta.fits");
        assertEquals(0, CliRun.run("query", QUERY, "--maxrec", MAXREC, "--output-file", fits.toString()).exit());
        StarTable t = new StarTableFactory(false).makeStarTable(fits.toString(), "fits-plus");
        List<String> status = new ArrayList<>();
        for (DescribedValue v : t.getParameters()) {
            if (v.getInfo().getName().equals("QUERY_STATUS")) {
                status.add(String.valueOf(v.getValue()));
            }
        }
        assertEquals(List.of("OK", "OVERFLOW"), status, "as the archive's VOTable has them, in order");
        assertEquals("sync", t.getName(), "named after the answer's URL, as STIL names a table it reads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "fits", "ecsv", "votable"})
    void errorAnswerLeavesNoFile(String format, @TempDir Path out) throws Exception {
        CliRun r = CliRun.run("query", "SELECT nosuch FROM ida.observations", "--output-format", format,
                              "--output-file", out.resolve("x." + format).toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("nosuch"), r.err());
        try (var s = Files.list(out)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"parquet", "fits-healpix"})
    void writerThatCannotWriteThisTableLeavesNoFile(String format, @TempDir Path out) throws Exception {
        CliRun r = CliRun.run("query", QUERY, "--output-format", format, "--output-file",
                              out.resolve("x.out").toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        try (var s = Files.list(out)) {
            assertEquals(List.of(), s.toList());
        }
    }

    static void assertSameTable(StarTable expected, StarTable actual, String format) throws IOException {
        List<String> names = new ArrayList<>();
        List<String> backNames = new ArrayList<>();
        for (int i = 0; i < expected.getColumnCount(); i++) {
            names.add(expected.getColumnInfo(i).getName());
        }
        for (int i = 0; i < actual.getColumnCount(); i++) {
            backNames.add(actual.getColumnInfo(i).getName());
        }
        assertEquals(names, backNames, format + ": column names");
        assertEquals(expected.getRowCount(), actual.getRowCount(), format + ": rows");
        for (long row = 0; row < expected.getRowCount(); row++) {
            for (int col = 0; col < expected.getColumnCount(); col++) {
                Object e = expected.getCell(row, col);
                Object a = actual.getCell(row, col);
                if (!same(e, a)) {
                    ColumnInfo info = expected.getColumnInfo(col);
                    fail(format + ": row " + row + " column " + info.getName() + ": expected <" + e + "> ("
                         + (e == null ? "null" : e.getClass().getSimpleName()) + ") but was <" + a + "> ("
                         + (a == null ? "null" : a.getClass().getSimpleName()) + ")");
                }
            }
        }
    }

    /** Equal as a reader of that format can tell: blank is null, numbers by value, text without end blanks. */
    static boolean same(Object e, Object a) {
        if (Tables.isBlank(e) || Tables.isBlank(a)) {
            return Tables.isBlank(e) && Tables.isBlank(a)
                || Tables.isBlank(e) && a.toString().isBlank() || Tables.isBlank(a) && e.toString().isBlank();
        }
        if (e instanceof Number || a instanceof Number) {
            try {
                double x = Double.parseDouble(e.toString().trim());
                double y = Double.parseDouble(a.toString().trim());
                return x == y || (e instanceof Float || a instanceof Float) && (float) x == (float) y;
            } catch (NumberFormatException nfe) {
                return false;
            }
        }
        return e.toString().strip().equals(a.toString().strip());
    }

    /** @return what STIL's writer for {@code format} makes of {@code table}, named as the streamed table is */
    static byte[] write(StarTable table, String format) throws IOException {
        StarTableWriter w = new StarTableOutput().getHandler(format, "x");
        assertNotNull(w);
        StarTable named = new WrapperStarTable(table) {
            @Override
            public String getName() {
                return "sync";
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.writeStarTable(named, out);
        return out.toByteArray();
    }

    /** @return the text with STIL's "written at" time stamps blanked */
    static String masked(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        assertFalse(s.isEmpty());
        return s.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d", "T");
    }
}
