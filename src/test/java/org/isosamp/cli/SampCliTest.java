package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SAMP commands against a real in-process hub with a private lockfile. */
class SampCliTest {

    @Test
    void clientsListsWhoIsOnTheHubAndWhatTheyTake() throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer topcat = new FakeViewer(hub, "topcat", "table.load.votable", "table.load.fits");
             FakeViewer aladin = new FakeViewer(hub, "Aladin", "image.load.fits", "coord.pointAt.sky")) {
            CliRun r = CliRun.run("clients", "--samp-hub", hub.sampHub());
            assertEquals(0, r.exit(), r.err());
            // an aligned table under titles, as "columns --full": each value starts under its title
            String header = r.lines().get(1);
            assertTrue(header.matches("id +name +takes \\(of what iso-samp sends\\)"), r.out());
            assertTrue(r.lines().get(2).matches("-+ -+ -+"), r.out());
            int nameAt = header.indexOf("name");
            int takesAt = header.indexOf("takes");
            String line = r.lines().stream().filter(l -> l.contains("topcat")).findFirst().orElseThrow();
            assertTrue(line.startsWith(topcat.id() + " "), line);
            assertEquals(nameAt, line.indexOf("topcat"), r.out());
            assertEquals(takesAt, line.indexOf("table.load.votable table.load.fits"), r.out());
            assertTrue(line.endsWith("table.load.votable table.load.fits"), line);
            String al = r.lines().stream().filter(l -> l.contains("Aladin")).findFirst().orElseThrow();
            assertEquals(nameAt, al.indexOf("Aladin"), r.out());
            assertTrue(al.endsWith(" image.load.fits"), "only what iso-samp sends: " + al);
            CliRun full = CliRun.run("clients", "--all", "--samp-hub", hub.sampHub());
            assertTrue(full.out().contains("coord.pointAt.sky"), full.out());
            assertTrue(full.lines().get(1).matches("id +name +subscriptions"), full.out());
            assertTrue(r.lines().stream().skip(3).noneMatch(l -> l.substring(nameAt).startsWith("iso-samp ")),
                       "not itself: " + r.out());
        }
    }

    @Test
    void noHubIsOneClearLine(@TempDir Path dir) {
        String lock = dir.resolve("samp.lock").toString();
        CliRun r = CliRun.run("clients", "--samp-hub", lock, "--hub-wait", "0");
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("iso-samp clients: no SAMP hub running at file:"), r.err());
        assertTrue(r.err().contains("--hub"), r.err());
    }

    @Test
    void hubOptionRunsAHubWhenNoneIsRunningAndStopsIt(@TempDir Path dir) {
        Path lock = dir.resolve("samp.lock");
        CliRun r = CliRun.run("clients", "--samp-hub", lock.toString(), "--hub");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("hub"), r.out());
        assertTrue(!lock.toFile().exists(), "the hub stopped with the command and took its lockfile");
    }

    @Test
    void badHubLocationIsAUsageLevelError() {
        CliRun r = CliRun.run("clients", "--samp-hub", "web-appname:x");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("web-appname:x"), r.err());
    }
}
