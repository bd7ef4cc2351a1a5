package org.isosamp.gui;

import static org.isosamp.testing.Edt.edt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.isosamp.testing.Components;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.swing.JLabel;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.isosamp.archive.IsoArchive;
import org.isosamp.plot.SpectrumQuickLook;
import org.isosamp.testing.Await;
import org.isosamp.testing.OperatorArchive;
import org.isosamp.testing.SharedArchive;
import org.isosamp.testing.TestFits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The observation panel's logic without a display (never put in a window): the newest show wins even when an
 * older one's answers come later, and a product that is neither spectrum nor image says so. The panel in a real
 * window, with screenshots: {@link ObservationPanelWindowTest}.
 */
class ObservationPanelTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;


    private static String text(ObservationPanel p, String name) throws Exception {
        return edt(() -> ((JLabel) Components.named(p, name)).getText());
    }

    private static void awaitDone(ObservationPanel p, long tdt) throws InterruptedException {
        Await.until(() -> {
            try {
                return edt(() -> p.tdt() == tdt && !p.busy());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, WAIT, "the panel to show " + tdt);
    }

    @Test
    void anOlderShowAnsweredLateNeverOverwritesTheNewer() throws Exception {
        CountDownLatch olderAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // every request about 80001538 waits until released: a server that answers late
        Interceptor slow = chain -> {
            String what = chain.request().url().toString();
            if (chain.request().body() != null) {
                Buffer b = new Buffer();
                chain.request().body().writeTo(b);
                what += " " + b.readUtf8();
            }
            if (what.contains("80001538")) {
                olderAsked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException("the test's slow server, interrupted");
                }
            }
            return chain.proceed(chain.request());
        };
        OkHttpClient http = IsoArchive.defaultHttpClient().newBuilder().addInterceptor(slow).build();
        IsoArchive archive = new IsoArchive(HttpUrl.get(SharedArchive.get().baseUrl().toString()), http, null);
        ExecutorService workers = new DeafExecutor();
        ObservationPanel p = edt(() -> new ObservationPanel(workers));

        p.show(archive, 80001538L);
        assertTrue(olderAsked.await(60, TimeUnit.SECONDS), "the older show asked the archive");
        p.show(archive, 58002102L);
        awaitDone(p, 58002102L);
        release.countDown();
        workers.shutdown();
        assertTrue(workers.awaitTermination(60, TimeUnit.SECONDS), "the older show's work ended");
        edt(() -> null);   // what the older work handed to the event thread has run

        assertEquals("58002102 · LWS · L01 · M31", text(p, "observation.heading"));
        assertInstanceOf(SpectrumQuickLook.class, edt(p::look));
        assertEquals(" ", text(p, "observation.status"));
    }

    /**
     * Workers that do not hear the panel's cancel (a {@code cancel(true)} does not interrupt them), as work blocked
     * where an interrupt is not noticed: what they hand back must be dropped by the panel itself.
     */
    private static final class DeafExecutor extends AbstractExecutorService {
        private final ExecutorService inner = Executors.newCachedThreadPool();

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Runnable r, T value) {
            return new FutureTask<>(r, value) {
                @Override
                public boolean cancel(boolean mayInterrupt) {
                    return super.cancel(false);
                }
            };
        }

        @Override
        public void execute(Runnable command) {
            inner.execute(command);
        }

        @Override
        public void shutdown() {
            inner.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return inner.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return inner.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return inner.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return inner.awaitTermination(timeout, unit);
        }
    }

    @Test
    void aProductThatIsNeitherSpectrumNorImageSaysSo() throws Exception {
        Path table = TestFits.binaryTable(dir.resolve("t.fits"), "X", new String[] {"RA", "DEC"},
            new String[] {"deg", "deg"}, new double[] {1, 2}, new double[] {3, 4});
        try (OperatorArchive operator = OperatorArchive.start(Map.of("80001538.fits", Files.readAllBytes(table)))) {
            IsoArchive archive = new IsoArchive(HttpUrl.get(operator.baseUrl()), IsoArchive.defaultHttpClient(), null);
            ObservationPanel p = edt(ObservationPanel::new);
            p.show(archive, 80001538L);
            awaitDone(p, 80001538L);
            assertNull(edt(p::look));
            String message = text(p, "observation.lookMessage");
            assertTrue(message.matches("(?s).*80001538\\.fits is neither a spectrum nor an image: .*table.*; nothing "
                                       + "to plot.*"), message);
            assertEquals(" ", text(p, "observation.status"));   // no failure: the metadata and postcard are there
            assertTrue(text(p, "observation.heading").endsWith("J021200.0+613000"));
        }
    }

    @Test
    void anUnknownTdtIsOneErrorLine() throws Exception {
        ObservationPanel p = edt(ObservationPanel::new);
        p.show(SharedArchive.client(), 12345678L);
        awaitDone(p, 12345678L);
        assertEquals("TDT 12345678 is not in ida.observations at " + SharedArchive.client().tapUrl(),
                     text(p, "observation.status"));
        p.clear();
        edt(() -> null);
        assertEquals(" ", text(p, "observation.status"));
        assertEquals(0L, (long) edt(p::tdt));
    }
}
