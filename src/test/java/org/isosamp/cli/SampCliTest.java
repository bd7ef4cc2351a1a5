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
            String line = r.lines().stream().filter(l -> l.contains("topcat")).findFirst().orElseThrow();
            assertTrue(line.startsWith(topcat.id() + "\t"), line);
            assertTrue(line.endsWith("table.load.votable table.load.fits"), line);
            String al = r.lines().stream().filter(l -> l.contains("Aladin")).findFirst().orElseThrow();
            assertTrue(al.endsWith("\timage.load.fits"), "only what iso-samp sends: " + al);
            CliRun full = CliRun.run("clients", "--all", "--samp-hub", hub.sampHub());
            assertTrue(full.out().contains("coord.pointAt.sky"), full.out());
            assertTrue(r.lines().stream().noneMatch(l -> l.contains("\tiso-samp\t")), "not itself: " + r.out());
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
