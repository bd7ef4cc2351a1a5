package org.isosamp.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isosamp.testing.Peers;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Independent clients accept the local archive: STILTS taplint (strict TAP,
 * zero errors), pyvo 1.2.1 (sync, async, tables, overflow) and astroquery
 * 0.4.6 (every example of the ISO documentation, with its rows and files).
 */
class PeerInteropTest {

    private static final Path PY = Path.of("src/test/python").toAbsolutePath();

    @Test
    void taplintFindsNoErrorsOnTheStrictService(@TempDir Path dir) throws Exception {
        Peers.require("/usr/bin/stilts", "stilts");
        LocalArchive archive = SharedArchive.get();
        Peers.Result r = Peers.run(dir, 600, List.of("/usr/bin/stilts", "taplint",
            "tapurl=" + archive.strictTapUrl(), "report=EW", "maxrepeat=3"));
        Matcher m = Pattern.compile("Totals: Errors: (\\d+); Warnings: (\\d+)").matcher(r.output());
        assertTrue(m.find(), "no taplint totals line:\n" + r.output());
        assertEquals("0", m.group(1), "taplint errors:\n" + r.output());
    }

    @Test
    void taplintOnTheEsaServiceObjectsOnlyToTheTapPlusAttributes(@TempDir Path dir) throws Exception {
        // the ESA flavour differs from the strict one only by the esatapplus: attributes astroquery needs
        Peers.require("/usr/bin/stilts", "stilts");
        LocalArchive archive = SharedArchive.get();
        Peers.Result r = Peers.run(dir, 600, List.of("/usr/bin/stilts", "taplint",
            "tapurl=" + archive.tapUrl(), "report=E", "maxrepeat=1000"));
        List<String> errors = r.output().lines().filter(l -> l.startsWith("E-")).toList();
        assertTrue(errors.size() > 0, "expected the documented E-TMV errors:\n" + r.output());
        for (String e : errors) {
            assertTrue(e.startsWith("E-TMV-") && e.contains("'esatapplus:"), "unexpected error: " + e);
        }
    }

    @Test
    void pyvoRunsSyncAndAsyncQueries(@TempDir Path dir) throws Exception {
        Peers.require("/usr/bin/python3", "python3-pyvo");
        LocalArchive archive = SharedArchive.get();
        Peers.Result r = Peers.run(dir, 300, List.of("/usr/bin/python3", PY.resolve("pyvo_tap.py").toString(),
                                                     archive.strictTapUrl().toString()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("PASS async M31 returns 49 rows"), r.output());
    }

    @Test
    void astroqueryRunsEveryDocumentedExample(@TempDir Path dir) throws Exception {
        Peers.require("/usr/bin/python3", "python3-astroquery");
        LocalArchive archive = SharedArchive.get();
        Peers.Result r = Peers.run(dir, 600, List.of("/usr/bin/python3",
            PY.resolve("astroquery_docs.py").toString(), archive.baseUrl().toString(), dir.toString()));
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("PASS M31 query returns 49 rows"), r.output());
        assertTrue(!r.output().contains("FAIL"), r.output());
    }
}
