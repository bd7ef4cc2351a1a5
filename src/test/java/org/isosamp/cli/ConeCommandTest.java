package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.NameResolver;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code cone} at positions as astronomers write them and at names; its columns and width. */
class ConeCommandTest {

    private static final String BASE = SharedArchive.get().baseUrl().toString();

    @BeforeEach
    void noSesame() {
        // the build sets ISO_SAMP_SESAME=off too; this holds when a test is run some other way
        System.setProperty(NameResolver.SESAME_SETTING, "off");
    }

    @AfterEach
    void clear() {
        System.clearProperty(NameResolver.SESAME_SETTING);
    }

    /** Runs cone on the shared archive, not quiet. */
    private static CliRun cone(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "cone";
        all[1] = "--archive";
        all[2] = BASE;
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.run(all);
    }

    private static List<String> tdts(CliRun r) {
        assertEquals(0, r.exit(), r.err());
        return r.lines().stream().filter(l -> l.matches("\\d{8}")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:42:44.33 +41:16:07.5", "00h42m44.33s +41d16m07.5s", "00 42 44.33 +41 16 07.5"})
    void sexagesimalInOneArgumentOrTwoFindsWhatDegreesFind(String position) {
        List<String> expected = tdts(cone("10.684708", "41.26875", "--columns", "tdt", "--max-lines", "0"));
        assertEquals(49, expected.size());
        CliRun one = cone(position, "--columns", "tdt", "--max-lines", "0");
        assertEquals(expected, tdts(one));
        assertEquals(position + ": 10.68471 +41.26875 (coordinates)", one.err().strip());
        String[] halves = position.split(" (?=\\+)");
        assertEquals(expected, tdts(cone(halves[0], halves[1], "--columns", "tdt", "--max-lines", "0")));
    }

    @Test
    void aNegativeSexagesimalDecIsAPositionAndAMistypedOptionStillAnError() {
        CliRun south = cone("12:00:00", "-41:16:09", "--columns", "tdt");
        assertEquals(0, south.exit(), south.err());
        assertEquals("12:00:00 -41:16:09: 180.00000 -41.26917 (coordinates)", south.err().strip());
        for (String typo : new String[] {"--nosuch", "-x"}) {
            CliRun r = cone("10", "41", typo);
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("Unknown option: '" + typo + "'"), r.err());
        }
    }

    @Test
    void aNameWithoutSesameComesFromTheArchiveTargetNamesAndSaysSo() {
        CliRun r = cone("M31");
        assertEquals(0, r.exit(), r.err());
        assertEquals("M31: 10.68461 +41.26916 (archive target names, 15 observations)", r.err().strip());
        assertEquals("Length = 49 rows", r.lines().get(r.lines().size() - 1), "the documentation's M31 rows");
        CliRun quiet = cone("M31", "--quiet");
        assertEquals("", quiet.err());
        assertEquals(r.out(), quiet.out());
    }

    @Test
    void aNameFromSesame() throws IOException {
        try (MockWebServer sesame = new MockWebServer();
             InputStream xml = ConeCommandTest.class.getResourceAsStream("/org/isosamp/archive/sesame-m31.xml")) {
            sesame.enqueue(new MockResponse.Builder().body(new String(xml.readAllBytes(), StandardCharsets.UTF_8))
                .build());
            sesame.start();
            System.setProperty(NameResolver.SESAME_SETTING, sesame.url("/sesame/-oxp/SNV").toString());
            CliRun r = cone("M31", "--table", "ivoa.ssap");
            assertEquals(0, r.exit(), r.err());
            assertEquals("M31: 10.68471 +41.26875 (Sesame)", r.err().strip());
            assertEquals("Length = 4 rows", r.lines().get(r.lines().size() - 1));
        }
    }

    @Test
    void anUnknownNameFailsNamingIt() {
        CliRun r = cone("No Such Galaxy");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no position for \"No Such Galaxy\": Sesame is off, and no observation in the "
                                    + "archive"), r.err());
    }

    @Test
    void positionsOffTheSkyAreUsageErrorsAsDecNinetyFiveIs() {
        for (String[] bad : new String[][] {{"400", "41.27"}, {"10", "95"}, {"24:00:00", "+41:00:00"},
                                            {"10.68"}}) {
            CliRun r = cone(bad);
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertFalse(r.out().contains("Length"), r.out());
        }
        assertTrue(cone("400", "41.27").err().lines().findFirst().orElse("")
            .contains("RA (400) must be within [0, 360) degrees"));
        assertTrue(cone("10", "95").err().lines().findFirst().orElse("")
            .contains("Dec (95) must be within [-90, 90] degrees"));
    }

    @Test
    void columnsAreChosenForPrintingAndSaving(@TempDir Path dir) throws Exception {
        CliRun r = cone("10.684708", "41.26875", "--table", "ivoa.ssap", "--columns", "target_name,ssa_targname");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("no column \"ssa_targname\" in the result"), r.err());
        CliRun ok = cone("10.684708", "41.26875", "--table", "ivoa.siap", "--columns", "obsno,RA");
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.lines().get(0).matches("\\s*obsno\\s+ra"), ok.out());
        Path csv = dir.resolve("x.csv");
        CliRun saved = cone("10.684708", "41.26875", "--table", "ivoa.siap", "--columns", "obsno",
                            "--output-file", csv.toString());
        assertEquals(0, saved.exit(), saved.err());
        assertEquals("obsno", Files.readAllLines(csv).get(0));
    }

    @Test
    void anExistingOutputFileIsReplacedOnlyWithOverwrite(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("mine.csv"), "not iso-samp's\n");
        CliRun refused = cone("10.684708", "41.26875", "--columns", "tdt", "--output-file", csv.toString());
        assertEquals(1, refused.exit(), refused.err());
        assertEquals("iso-samp cone: " + csv + " exists (give --overwrite to replace it)", refused.err().strip());
        assertEquals("not iso-samp's\n", Files.readString(csv));
        CliRun badFormat = cone("10.684708", "41.26875", "--output-file", dir.resolve("x.nope").toString());
        assertEquals(1, badFormat.exit(), badFormat.err());
        assertTrue(badFormat.err().contains("x.nope"), badFormat.err());
        CliRun replaced = cone("10.684708", "41.26875", "--columns", "tdt", "--output-file", csv.toString(),
                               "--overwrite");
        assertEquals(0, replaced.exit(), replaced.err());
        assertEquals("tdt", Files.readAllLines(csv).get(0));
        assertEquals(List.of(csv), Files.list(dir).toList(), "no part file, nothing else");
    }

    @ParameterizedTest
    @ValueSource(strings = {"m31.vot", "m31.csv", "m31.ecsv"})
    void aSavedConeIsWhatQuerySavesForTheSameAdql(String name, @TempDir Path dir) throws Exception {
        // one owner of "query to a file": cone's file is query's (a VOTable: the archive's own bytes)
        Path byCone = Files.createDirectory(dir.resolve("cone")).resolve(name);
        CliRun cone = cone("10.684708", "41.26875", "--radius", "0.1", "--maxrec", "5",
                           "--output-file", byCone.toString());
        assertEquals(0, cone.exit(), cone.err());
        assertTrue(cone.err().contains("warning: result truncated at MAXREC=5 rows"), cone.err());
        Path byQuery = Files.createDirectory(dir.resolve("query")).resolve(name);
        CliRun query = CliRun.run("query", "--archive", BASE, "--maxrec", "5", "--output-file", byQuery.toString(),
                                  IsoArchive.coneQuery("ida.observations", 10.684708, 41.26875, 0.1));
        assertEquals(0, query.exit(), query.err());
        assertEquals(-1, Files.mismatch(byCone, byQuery), Files.readString(byCone));
    }

    @Test
    void wideTablesFitTheWidthAsked() {
        CliRun narrow = cone("10.684708", "41.26875", "--max-width", "60");
        assertEquals(0, narrow.exit(), narrow.err());
        for (String line : narrow.lines()) {
            assertTrue(line.length() <= 60, line);
        }
        assertTrue(narrow.lines().get(0).contains(" ... "), narrow.lines().get(0));
        assertTrue(narrow.lines().get(0).startsWith("aotname"), narrow.lines().get(0));
        assertTrue(narrow.lines().get(0).endsWith("wavelengths"), "first and last columns stay");
        for (String unlimited : new String[] {"0", "-1"}) {
            CliRun all = cone("10.684708", "41.26875", "--max-width", unlimited);
            assertFalse(all.lines().get(0).contains("..."), all.lines().get(0));
        }
        assertEquals(2, cone("10.684708", "41.26875", "--max-width", "-2").exit());
    }
}
