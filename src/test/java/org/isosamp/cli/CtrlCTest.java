package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.isosamp.IsoSamp;
import org.isosamp.testing.Await;
import org.isosamp.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C while a command writes a file: the real command line in a child JVM, a server that sends part of the
 * body and then stalls, SIGTERM once the part file holds bytes (the JVM shuts down on SIGTERM as on SIGINT).
 * Nothing may be left: neither the file nor its part file.
 */
class CtrlCTest {

    /** Bytes sent before the stall. */
    private static final int FIRST = 400_000;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    /** Every request gets {@code body}: {@link #FIRST} bytes at once, then nothing for a minute. */
    private void stallAfterFirstBytes(MockResponse.Builder answer, Buffer body) {
        MockResponse response = answer.body(body).throttleBody(FIRST, 60, TimeUnit.SECONDS).build();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return response;
            }
        });
    }

    /** Runs the command line until a part file in {@code out} holds bytes, then sends SIGTERM. */
    private void interrupt(Path out, String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(dir, IsoSamp.class.getName(), args)) {
            Await.value(() -> {
                if (!child.isAlive()) {
                    throw new AssertionError("iso-samp ended before the stall:\n" + child.output());
                }
                return partBytes(out) > 0 ? Boolean.TRUE : null;
            }, Duration.ofSeconds(60), () -> "a part file with bytes in " + out + ": " + names(out) + "\n"
                + child.output());
            assertEquals(143, child.terminate(Duration.ofSeconds(30)), child.output());
        }
    }

    private static long partBytes(Path out) {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).mapToLong(p -> p.toFile().length())
                .sum();
        } catch (IOException e) {
            return 0; // not there yet
        }
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of("(" + e + ")");
        }
    }

    /** A TAP answer of about twice {@link #FIRST} bytes, stalling after the first. */
    private void stallingVotable() {
        StringBuilder vot = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
            + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
            + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE><FIELD name=\"tdt\" datatype=\"int\"/>"
            + "<DATA><TABLEDATA>\n");
        for (int i = 0; vot.length() < 2 * FIRST; i++) {
            vot.append("<TR><TD>").append(80000000 + i).append("</TD></TR>\n");
        }
        vot.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        stallAfterFirstBytes(new MockResponse.Builder().setHeader("Content-Type", "application/x-votable+xml"),
            new Buffer().writeUtf8(vot.toString()));
    }

    @Test
    void ctrlCDuringQueryToCsvLeavesNoFile() throws Exception {
        stallingVotable();
        Path out = Files.createDirectories(dir.resolve("out"));
        interrupt(out, "query", "--archive", server.url("/nida-sl-tap/").toString(), "--quiet",
            "--output-format", "csv", "--output-file", out.resolve("obs.csv").toString(),
            "SELECT tdt FROM ida.observations");
        assertEquals(List.of(), names(out));
    }

    @Test
    void ctrlCDuringQueryToVotableLeavesNoFile() throws Exception {
        stallingVotable();
        Path out = Files.createDirectories(dir.resolve("out"));
        interrupt(out, "query", "--archive", server.url("/nida-sl-tap/").toString(), "--quiet",
            "--output-file", out.resolve("obs.vot").toString(), "SELECT tdt FROM ida.observations");
        assertEquals(List.of(), names(out));
    }

    @Test
    void ctrlCDuringDownloadLeavesNoFile() throws Exception {
        stallAfterFirstBytes(new MockResponse.Builder().setHeader("Content-Type", "application/x-tar")
            .setHeader("Content-Disposition", "attachment; filename=\"ISO1659972236.tar\""),
            new Buffer().write(new byte[3 * FIRST]));
        Path out = Files.createDirectories(dir.resolve("out"));
        interrupt(out, "download", "--archive", server.url("/nida-sl-tap/").toString(), "--quiet", "--no-cache",
            "--dir", out.toString(), "80000203");
        assertEquals(List.of(), names(out));
    }
}
