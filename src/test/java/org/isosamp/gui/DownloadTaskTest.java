package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.isosamp.archive.IsoArchive;
import org.isosamp.io.IfExists;
import org.isosamp.local.LocalArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.testing.Await;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window's download without a window: what one {@link DownloadTask} leaves in its folder and says in its row,
 * over the local archive.
 */
class DownloadTaskTest {

    @TempDir
    Path dir;

    static List<String> names(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** Runs a task on this thread, counting its ends. */
    private static DownloadTask run(IsoArchive archive, long tdt, DownloadChoice choice, Path folder,
                                    IfExists ifExists) {
        int[] ends = new int[1];
        DownloadTask t = new DownloadTask(archive, tdt, choice, folder, ifExists, x -> ends[0]++);
        t.run();
        assertEquals(1, ends[0], "onEnd called once");
        return t;
    }

    @Test
    void aStandaloneProductIsTheArchivesOwnBytes() throws Exception {
        IsoArchive archive = SharedArchive.client();
        Path folder = dir.resolve("new/sub"); // created
        DownloadTask t = run(archive, 80001538, DownloadChoice.standalone(), folder, IfExists.REFUSE);
        assertEquals(DownloadTask.State.DONE, t.state(), t.message());
        Path direct = archive.download("80001538", RetrievalType.STANDALONE, null, dir.resolve("direct"), null, null);
        assertEquals(folder.resolve("80001538.fits"), t.result());
        assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(t.result()));
        assertEquals(Files.size(direct), t.bytes());
        assertTrue(t.message().startsWith("Saved " + t.result() + " ("), t.message());
        assertEquals(List.of("80001538.fits"), names(folder), "no part file left");
    }

    @Test
    void anObservationIsUnpackedBesideItsTar() throws Exception {
        DownloadTask t = run(SharedArchive.client(), 80001538,
            DownloadChoice.observation(ProductLevel.DEFAULT_DATA_SET, true), dir, IfExists.REFUSE);
        assertEquals(DownloadTask.State.DONE, t.state(), t.message());
        assertEquals(dir.resolve("80001538"), t.result());
        assertEquals(List.of("80001538", "80001538.tar"), names(dir));
        long files;
        try (Stream<Path> s = Files.walk(t.result())) {
            files = s.filter(Files::isRegularFile).count();
        }
        assertTrue(files > 0);
        assertEquals("Unpacked " + files + " files into " + t.result() + " (tar kept: 80001538.tar)", t.message());
    }

    @Test
    void anUnknownTdtSaysWhyAndLeavesNothing() {
        DownloadTask t = run(SharedArchive.client(), 99999999, DownloadChoice.standalone(), dir, IfExists.REFUSE);
        assertEquals(DownloadTask.State.FAILED, t.state());
        assertEquals("The archive answered HTTP 404: No observation with tdt 99999999", t.message());
        assertTrue(t.detail().startsWith("IDA product download failed: HTTP 404 from http://127.0.0.1:"), t.detail());
        assertTrue(t.detail().endsWith("No observation with tdt 99999999"), t.detail());
        assertFalse(t.message().contains("\n"));
        assertNull(t.result());
    }

    @Test
    void anExistingFileIsRefusedUnlessReplacing() throws Exception {
        Path mine = dir.resolve("80001538.fits");
        Files.writeString(mine, "mine");
        DownloadTask t = run(SharedArchive.client(), 80001538, DownloadChoice.standalone(), dir, IfExists.REFUSE);
        assertEquals(DownloadTask.State.FAILED, t.state());
        assertEquals(mine + " exists (tick \"Replace existing files\" to replace it)", t.message());
        assertEquals("mine", Files.readString(mine));
        assertEquals(List.of("80001538.fits"), names(dir));
        t = run(SharedArchive.client(), 80001538, DownloadChoice.standalone(), dir, IfExists.REPLACE);
        assertEquals(DownloadTask.State.DONE, t.state(), t.message());
        assertTrue(Files.size(mine) > 2880, "replaced by the FITS file");
    }

    @Test
    void aCancelBeforeItStartsFetchesNothing() throws Exception {
        DownloadTask t = new DownloadTask(SharedArchive.client(), 80001538, DownloadChoice.standalone(), dir,
            IfExists.REFUSE, null);
        assertTrue(t.cancel());
        assertTrue(t.cancelling());
        t.run();
        assertEquals(DownloadTask.State.CANCELLED, t.state());
        assertFalse(t.cancel(), "nothing left to cancel");
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aCancelMidWayLeavesNoFileAndNoPartFile() throws Exception {
        LocalArchive local = LocalArchive.builder().port(0).largeProduct("80000203", 1L << 30).start();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            IsoArchive archive = new IsoArchive(HttpUrl.get(local.baseUrl().toString()),
                IsoArchive.defaultHttpClient(), null);
            CountDownLatch ended = new CountDownLatch(1);
            DownloadTask t = new DownloadTask(archive, 80000203,
                DownloadChoice.observation(ProductLevel.DEFAULT_DATA_SET, true), dir, IfExists.REFUSE,
                x -> ended.countDown());
            worker.execute(t);
            Await.until(() -> t.bytes() > 0, Duration.ofSeconds(30), "the first bytes of the large tar");
            assertTrue(t.cancel());
            assertTrue(ended.await(30, TimeUnit.SECONDS), "the worker stops");
            assertTrue(t.bytes() < t.total(), "the transfer stopped mid-way: " + t.bytes() + " of " + t.total());
            assertEquals(DownloadTask.State.CANCELLED, t.state(), t.message());
            assertEquals("Cancelled: nothing kept", t.message());
            assertEquals(List.of(), names(dir), "no tar, no part file, no folder");
            // the pool thread is not left interrupted for the next download
            assertFalse(worker.submit(() -> Thread.currentThread().isInterrupted()).get());
        } finally {
            worker.shutdownNow();
            local.close();
        }
    }

    /**
     * A server that sends the start of a 10 MB tar and then nothing (for the whole test): what Cancel must end
     * without waiting for the read timeout.
     */
    private static java.net.ServerSocket silentAfterABit(CountDownLatch release) throws IOException {
        java.net.ServerSocket server = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (java.net.Socket s = server.accept()) {
                java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(s.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the request's headers
                }
                java.io.OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nContent-Length: 10000000\r\n"
                    + "Content-Disposition: attachment; filename=\"80000203.tar\"\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(new byte[300_000]);
                out.flush();
                release.await();
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }, "silent-server");
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void aCancelEndsATransferWaitingOnASilentServer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (java.net.ServerSocket server = silentAfterABit(release)) {
            IsoArchive archive = new IsoArchive(HttpUrl.get("http://127.0.0.1:" + server.getLocalPort() + "/"),
                IsoArchive.defaultHttpClient(), null);
            CountDownLatch ended = new CountDownLatch(1);
            DownloadTask t = new DownloadTask(archive, 80000203,
                DownloadChoice.observation(ProductLevel.DEFAULT_DATA_SET, false), dir, IfExists.REFUSE,
                x -> ended.countDown());
            worker.execute(t);
            Await.until(() -> t.bytes() > 0, Duration.ofSeconds(30), "the first bytes");
            assertTrue(t.cancel());
            assertTrue(ended.await(10, TimeUnit.SECONDS), "Cancel ends the wait, well before the 120 s read timeout");
            assertEquals(DownloadTask.State.CANCELLED, t.state(), t.message());
            assertEquals(List.of(), names(dir), "no part file");
        } finally {
            release.countDown();
            worker.shutdownNow();
        }
    }

    @Test
    void aChoiceIsStandaloneOrAnObservationAtALevel() {
        assertEquals("STANDALONE", DownloadChoice.standalone().describe());
        assertEquals("OBSERVATION RAW_DATA, extract",
            DownloadChoice.observation(ProductLevel.RAW_DATA, true).describe());
        assertThrows(IllegalArgumentException.class,
            () -> new DownloadChoice(RetrievalType.POSTCARD, null, false));
        assertThrows(IllegalArgumentException.class,
            () -> new DownloadChoice(RetrievalType.STANDALONE, ProductLevel.RAW_DATA, false));
        assertThrows(IllegalArgumentException.class,
            () -> new DownloadChoice(RetrievalType.STANDALONE, null, true));
        assertThrows(IllegalArgumentException.class,
            () -> new DownloadChoice(RetrievalType.OBSERVATION, null, false));
    }
}
