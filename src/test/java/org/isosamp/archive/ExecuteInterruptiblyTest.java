package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kotlin.jvm.functions.Function0;
import kotlin.reflect.KClass;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;
import org.junit.jupiter.api.Test;

/** Interrupting a thread that waits in {@link TapClient#executeInterruptibly}. */
class ExecuteInterruptiblyTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    /**
     * The race, forced: the cancel that the interrupt causes fails the call (its callback runs) before the waiting
     * thread gets to give up on it. The thread must still end with an InterruptedIOException, not with the
     * call's failure wrapped in a CompletionException.
     */
    @Test
    void anInterruptEndsInInterruptedIoEvenWhenTheCancelFailsTheCallFirst() throws Exception {
        server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("late").build());
        OkHttpClient http = new OkHttpClient();
        CallbackFirstOnCancel call = new CallbackFirstOnCancel(http.newCall(new Request.Builder()
            .url(server.url("/tap/async/j1")).build()));
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try (Response r = TapClient.executeInterruptibly(call)) {
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        }, "waiter");
        waiter.start();
        assertNotNull(server.takeRequest(20, TimeUnit.SECONDS), "the call reached the server");
        waiter.interrupt();
        Throwable t = outcome.get(20, TimeUnit.SECONDS);
        assertInstanceOf(InterruptedIOException.class, t);
        assertTrue(call.failureSeen.getCount() == 0, "the cancel failed the call before the waiter gave up");
    }

    /** A real call whose {@code cancel} returns only once the call's callback has heard of the failure. */
    private static final class CallbackFirstOnCancel implements Call {
        private final Call real;
        final CountDownLatch failureSeen = new CountDownLatch(1);

        CallbackFirstOnCancel(Call real) {
            this.real = real;
        }

        @Override
        public void enqueue(Callback callback) {
            real.enqueue(new Callback() {
                @Override
                public void onFailure(Call c, IOException e) {
                    callback.onFailure(c, e);
                    failureSeen.countDown();
                }

                @Override
                public void onResponse(Call c, Response response) throws IOException {
                    callback.onResponse(c, response);
                }
            });
        }

        @Override
        public void cancel() {
            real.cancel();
            try {
                failureSeen.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Request request() {
            return real.request();
        }

        @Override
        public Response execute() throws IOException {
            return real.execute();
        }

        @Override
        public boolean isExecuted() {
            return real.isExecuted();
        }

        @Override
        public boolean isCanceled() {
            return real.isCanceled();
        }

        @Override
        public Timeout timeout() {
            return real.timeout();
        }

        @Override
        public void addEventListener(EventListener listener) {
            real.addEventListener(listener);
        }

        @Override
        public <T> T tag(KClass<T> type) {
            return real.tag(type);
        }

        @Override
        public <T> T tag(Class<? extends T> type) {
            return real.tag(type);
        }

        @Override
        public <T> T tag(KClass<T> type, Function0<? extends T> computeIfAbsent) {
            return real.tag(type, computeIfAbsent);
        }

        @Override
        public <T> T tag(Class<T> type, Function0<? extends T> computeIfAbsent) {
            return real.tag(type, computeIfAbsent);
        }

        @Override
        public Call clone() {
            return new CallbackFirstOnCancel(real.clone());
        }
    }
}
