package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.astrogrid.samp.Client;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import java.time.Duration;
import org.isosamp.testing.Await;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.RecordingPublisher;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestHub;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code listen} command on a real in-process hub, against the shared local archive. */
class ListenCommandTest {

    /** A listen command running in the background, its output readable while it runs. */
    static final class Running {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CompletableFuture<Integer> exit;

        Running(Supplier<CommandLine> command, String... args) {
            exit = CompletableFuture.supplyAsync(() -> {
                CommandLine cl = command.get();
                cl.setOut(new PrintWriter(out, true));
                cl.setErr(new PrintWriter(err, true));
                return cl.execute(args);
            });
        }

        List<String> lines() {
            return out.toString().lines().toList();
        }

        /** Waits for a line containing the text; @return it */
        String await(String text) throws InterruptedException {
            return Await.value(() -> {
                boolean ended = exit.isDone();   // read first: lines printed before the end are all there
                for (String l : lines()) {
                    if (l.contains(text)) {
                        return l;
                    }
                }
                if (ended) {
                    throw new AssertionError("listen ended with no line \"" + text + "\"; out:\n" + out + "\nerr:\n" + err);
                }
                return null;
            }, Duration.ofSeconds(20), () -> "no line with \"" + text + "\"; out:\n" + out + "\nerr:\n" + err);
        }

        int exitCode() throws Exception {
            return exit.get(30, TimeUnit.SECONDS);
        }
    }

    static String[] args(TestHub hub, String... more) {
        List<String> all = new ArrayList<>(List.of("--samp-hub", hub.sampHub(), "--archive",
                                                   SharedArchive.get().baseUrl().toString(), "--quiet"));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    /** @return the id of the client called iso-samp once it takes pointAt, as another client sees it */
    static String isoSampId(FakeViewer v) throws InterruptedException {
        return Await.value(() -> {
            @SuppressWarnings("unchecked")
            Map<String, Client> clients = v.connector().getClientMap();
            synchronized (clients) {
                for (Client c : clients.values()) {
                    if (c.getMetadata() != null && "iso-samp".equals(c.getMetadata().getName())
                        && c.getSubscriptions() != null && c.getSubscriptions().isSubscribed("coord.pointAt.sky")) {
                        return c.getId();
                    }
                }
            }
            return null;
        }, Duration.ofSeconds(20), () -> "iso-samp never registered");
    }

    static Message pointAt(String ra, String dec) {
        return new Message("coord.pointAt.sky").addParam("ra", ra).addParam("dec", dec);
    }

    @Test
    void answersAPointAtWithOneLinePerEventAndPublishes() throws Exception {
        RecordingPublisher publisher = new RecordingPublisher();
        try (TestHub hub = TestHub.start(); FakeViewer aladin = new FakeViewer(hub, "Aladin", "table.load.votable")) {
            Running listen = new Running(() -> new CommandLine(new ListenCommand((bus, tables) -> publisher)),
                                         args(hub, "--max-events", "2", "--exit-after", "60"));
            listen.await("listening for coord.pointAt.sky: ivoa.obscore, ivoa.ssap, ivoa.siap within 0.1deg");
            String id = isoSampId(aladin);
            Response r = aladin.connector().callAndWait(id, pointAt("10.6847", "41.2690"), 10);
            assertTrue(r.isOK(), String.valueOf(r));
            listen.await("#1 done");
            Response bad = aladin.connector().callAndWait(id, pointAt("10.6847", "91"), 10);
            assertEquals(Response.ERROR_STATUS, bad.getStatus());
            assertEquals(0, listen.exitCode(), listen.err.toString());
            List<String> l = listen.lines();
            assertTrue(l.get(0).startsWith("registered with the SAMP hub as "), l.get(0));
            assertTrue(l.contains("#1 pointAt 10.6847 +41.2690 from Aladin"), l.toString());
            for (String t : List.of("ivoa.obscore", "ivoa.ssap", "ivoa.siap")) {
                assertTrue(l.stream().anyMatch(s -> s.matches("#1 " + t.replace(".", "\\.") + ": \\d+ rows? in \\d+ ms")),
                    t + " searched: " + l);
                assertTrue(l.contains("#1 " + t + " near 10.6847 +41.2690 r=0.1deg: broadcast to 0 clients"),
                    t + " published: " + l);
            }
            assertTrue(l.contains("refused coord.pointAt.sky from Aladin: coord.pointAt.sky: parameter \"dec\" is"
                + " \"91\", outside [-90, 90]"), l.toString());
            assertEquals(3, publisher.publications().size());
        }
    }

    @Test
    void withSendNearestAPointAtNearASpectrumSendsItToSplat() throws Exception {
        try (TestHub hub = TestHub.start();
             FakeViewer splat = FakeViewer.loading(hub, "SPLAT-VO", "spectrum.load.ssa-generic");
             FakeViewer aladin = new FakeViewer(hub, "Aladin", "coord.pointAt.sky")) {
            Running listen = new Running(() -> new CommandLine(new ListenCommand((bus, tables) ->
                                             new RecordingPublisher())),
                                         args(hub, "--send-nearest", "--tables", "ivoa.obscore", "--max-events", "1",
                                              "--exit-after", "60"));
            listen.await("also sending the nearest spectrum (to spectrum.load.ssa-generic clients) and image"
                         + " (to image.load.fits clients)");
            aladin.connector().getConnection().notify(isoSampId(aladin), pointAt("10.6847", "41.2690"));
            FakeViewer.Received got = splat.next(Duration.ofSeconds(30));
            assertTrue(got != null, "SPLAT got nothing: " + listen.out);
            assertEquals("spectrum.load.ssa-generic", got.message().getMType());
            assertTrue(((String) got.message().getParam("url")).contains("58002102"), got.message().toString());
            assertEquals(0, listen.exitCode(), listen.err.toString());
            List<String> l = listen.lines();
            assertTrue(l.stream().anyMatch(s -> s.matches("#1 nearest spectrum 58002102 \\(0\\.\\d arcsec\\): sent to 1"
                + " client \\(SPLAT-VO samp\\.ok\\)")), l.toString());
            assertTrue(l.contains("#1 nearest image: no client takes image.load.fits"), l.toString());
        }
    }

    @Test
    void comesBackWhenTheHubDoes() throws Exception {
        RecordingPublisher publisher = new RecordingPublisher();
        try (TestHub hub = TestHub.start()) {
            Running listen = new Running(() -> new CommandLine(new ListenCommand((bus, tables) -> publisher)),
                                         args(hub, "--tables", "ivoa.siap", "--radius", "0.05", "--autoconnect", "1",
                                              "--max-events", "1", "--exit-after", "60"));
            listen.await("within 0.05deg");
            hub.restart();
            listen.await("lost the SAMP hub; waiting for it to come back");
            listen.await("registered again with the SAMP hub as ");
            try (FakeViewer aladin = new FakeViewer(hub, "Aladin2", "table.load.votable")) {
                aladin.connector().getConnection().notify(isoSampId(aladin), pointAt("10.6847", "41.2690"));
                assertEquals(0, listen.exitCode(), listen.err.toString());
            }
            assertTrue(listen.lines().contains("#1 ivoa.siap near 10.6847 +41.2690 r=0.05deg: broadcast to 0 clients"),
                       listen.out.toString());
        }
    }

    @Test
    void registeredItBroadcastsTheResultsToTheViewer() throws Exception {
        try (TestHub hub = TestHub.start(); FakeViewer aladin = new FakeViewer(hub, "Aladin", "table.load.votable")) {
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                () -> CliRun.run("listen", "--samp-hub", hub.sampHub(), "--max-events", "1", "--exit-after", "60"));
            String id = isoSampId(aladin);
            aladin.connector().callAndWait(id, pointAt("10.6847", "41.2690"), 10);
            CliRun r = run.get(30, TimeUnit.SECONDS);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("#1 ivoa.obscore: "), r.out());
            assertTrue(r.lines().contains("#1 done"), r.out());
            assertTrue(r.out().contains("broadcast to 1 client"), r.out());
            assertTrue(!r.out().contains("results are not broadcast"), r.out());
            assertEquals("table.load.votable", aladin.next(java.time.Duration.ofSeconds(10)).message().getMType());
        }
    }

    @Test
    void withoutAPublisherItSearchesAndSaysItDoesNotBroadcast() throws Exception {
        try (TestHub hub = TestHub.start(); FakeViewer aladin = new FakeViewer(hub, "Aladin", "table.load.votable")) {
            Running listen = new Running(() -> new CommandLine(new ListenCommand(null)),
                                         args(hub, "--max-events", "1", "--exit-after", "60"));
            listen.await("results are not broadcast: this build of listen has no table publisher");
            aladin.connector().callAndWait(isoSampId(aladin), pointAt("10.6847", "41.2690"), 10);
            listen.await("#1 done");
            assertEquals(0, listen.exitCode(), listen.err.toString());
            assertTrue(!listen.out.toString().contains("broadcast to"), listen.out.toString());
            assertEquals(List.of(), aladin.drain());
        }
    }

    @Test
    void exitAfterEndsAQuietSession() throws Exception {
        try (TestHub hub = TestHub.start()) {
            long t0 = System.nanoTime();
            CliRun r = CliRun.run("listen", "--samp-hub", hub.sampHub(), "--exit-after", "0.5");
            assertEquals(0, r.exit(), r.err());
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 500);
            // its own leaving is not a lost hub (it said "lost the SAMP hub; waiting for it to come back" here before)
            assertEquals(2, r.lines().size(), r.out());
            assertTrue(r.lines().get(0).startsWith("registered with the SAMP hub as "), r.out());
            assertTrue(r.lines().get(1).startsWith("listening for coord.pointAt.sky: ivoa.obscore, ivoa.ssap,"
                                                   + " ivoa.siap within 0.1deg, at "), r.out());
        }
    }

    @Test
    void badOptionsAreOneLine() throws Exception {
        try (TestHub hub = TestHub.start()) {
            CliRun r = CliRun.run("listen", "--samp-hub", hub.sampHub(), "--tables", "ivoa.obscore,ivoa.obscore;--");
            assertEquals(1, r.exit());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("iso-samp listen: cannot cone-search table \"ivoa.obscore;--\""), r.err());
            CliRun rr = CliRun.run("listen", "--samp-hub", hub.sampHub(), "--radius", "200");
            assertEquals(1, rr.exit());
            assertTrue(rr.err().contains("radius (200.0)"), rr.err());
        }
    }
}
