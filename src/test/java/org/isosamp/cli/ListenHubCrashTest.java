package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.RecordingPublisher;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code listen} after its hub dies without a word (the hub's JVM killed with SIGKILL, as {@code kill -9} or a
 * crash) and a new hub starts at the same lockfile: it says it lost the hub, registers again and answers pointAt
 * there. Before, it never noticed (JSAMP only hears of a hub's end from the hub itself).
 */
class ListenHubCrashTest {

    @Test
    void comesBackAfterTheHubIsKilled() throws Exception {
        RecordingPublisher publisher = new RecordingPublisher();
        try (TestHub hub = TestHub.startInChildJvm()) {
            ListenCommandTest.Running listen = new ListenCommandTest.Running(
                () -> new CommandLine(new ListenCommand((bus, tables) -> publisher)),
                ListenCommandTest.args(hub, "--tables", "ivoa.siap", "--radius", "0.05", "--autoconnect", "1",
                                       "--max-events", "1", "--exit-after", "90"));
            listen.await("within 0.05deg");
            hub.crash();
            listen.await("lost the SAMP hub; waiting for it to come back");
            hub.restart();
            String again = listen.await("registered again with the SAMP hub as ");
            String id = again.substring(again.lastIndexOf(' ') + 1);
            try (FakeViewer aladin = new FakeViewer(hub, "Aladin", "table.load.votable")) {
                // the id listen printed is one the new hub knows, subscribed to pointAt
                assertTrue(aladin.connector().getConnection().getSubscriptions(id).containsKey("coord.pointAt.sky"));
                aladin.connector().getConnection().notify(id, ListenCommandTest.pointAt("10.6847", "41.2690"));
                assertEquals(0, listen.exitCode(), listen.err.toString());
            }
            assertTrue(listen.lines().contains("#1 ivoa.siap near 10.6847 +41.2690 r=0.05deg: broadcast to 0 clients"),
                       listen.out.toString());
        }
    }
}
