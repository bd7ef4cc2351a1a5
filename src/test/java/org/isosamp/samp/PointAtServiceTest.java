package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.isosamp.testing.Await;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.RecordingPublisher;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;

/**
 * The pointAt service as a face other than the command line uses it: one listener hears the registration, each
 * position's searches, publications and end, and refusals, worded by {@link PointAtService.Lines} as
 * {@code listen} prints them; nothing is told of the service's own leaving.
 */
class PointAtServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void tellsEveryEventToItsListenerAndNotItsOwnLeaving() throws Exception {
        RecordingPublisher publisher = new RecordingPublisher();
        List<String> lines = new CopyOnWriteArrayList<>();
        List<String> registrations = new CopyOnWriteArrayList<>();
        List<Boolean> lost = new CopyOnWriteArrayList<>();
        ConeSearcher.Settings settings = ConeSearcher.Settings.of(SampManifest.load())
            .withTables(List.of("ivoa.siap")).withRadius(0.05);
        try (TestHub hub = TestHub.start();
             FakeViewer aladin = new FakeViewer(hub, "Aladin", "table.load.votable")) {
            try (SampSession bus = SampSession.open(hub.location(), false);
                 PointAtService service = new PointAtService(bus, SharedArchive.client(), settings,
                                                             (b, tables) -> publisher)) {
                service.addListener(new PointAtService.Lines(service, lines::add));
                service.addListener(new PointAtService.Listener() {
                    @Override
                    public void registered(String selfId, boolean again) {
                        registrations.add(selfId + (again ? " again" : ""));
                    }

                    @Override
                    public void lost() {
                        lost.add(true);
                    }
                });
                service.start(1, WAIT);
                assertTrue(service.publishes());
                assertTrue(service.describe().startsWith("coord.pointAt.sky: ivoa.siap within 0.05deg, at http://"),
                           service.describe());
                String self = bus.client().selfId();
                Await.until(() -> registrations.equals(List.of(self)), WAIT, "registered once, as " + self);
                Response ok = aladin.connector().callAndWait(self, new Message("coord.pointAt.sky")
                    .addParam("ra", "10.6847").addParam("dec", "41.2690"), 10);
                assertTrue(ok.isOK(), String.valueOf(ok));
                Await.until(() -> lines.contains("#1 done"), WAIT, "#1 done in " + lines);
                Response bad = aladin.connector().callAndWait(self, new Message("coord.pointAt.sky")
                    .addParam("ra", "x").addParam("dec", "0"), 10);
                assertEquals(Response.ERROR_STATUS, bad.getStatus());
                Await.until(() -> lines.stream().anyMatch(l -> l.startsWith("refused coord.pointAt.sky from Aladin: ")),
                            WAIT, "the refusal in " + lines);
            }
            assertEquals("registered with the SAMP hub as " + registrations.get(0), lines.get(0));
            assertTrue(lines.contains("#1 pointAt 10.6847 +41.2690 from Aladin"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.matches("#1 ivoa\\.siap: \\d+ rows? in \\d+ ms")), lines.toString());
            assertTrue(lines.contains("#1 ivoa.siap near 10.6847 +41.2690 r=0.05deg: broadcast to 0 clients"),
                       lines.toString());
            assertEquals(1, publisher.publications().size());
            assertEquals(List.of(), lost, "closing is not losing the hub");
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("lost")), lines.toString());
        }
    }
}
