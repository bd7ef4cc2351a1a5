package org.isosamp.archive;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.ConnectionSpec;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An {@link OkHttpClient} for an archive at an {@code http://} URL (the local archive, a mirror) that sets TLS up
 * only when a request turns out to need it.
 *
 * <p>Why: OkHttp builds TLS (the JDK's trust store, an {@code SSLContext}) in the client's constructor whenever a
 * connection spec allows TLS, about 0.3 CPU-seconds, a fifth of a short command's run, which a plain-http archive
 * never uses. This client allows cleartext only and so builds no TLS. A request that needs it goes, whole, to the
 * TLS client that {@code tls} supplies (made on first use): one for an {@code https} URL, and one that a server
 * redirects to {@code https} (the client does not follow such redirects itself, so they come back here). The TLS
 * client gets this call's timeouts, socket factory and redirect policy; cancelling this call cancels it.
 *
 * <p>Install with {@link #client}; the interceptor is also the client's {@link EventListener} (to hear of
 * cancellations), so a variant that replaces the event listener factory no longer passes cancellation on while it
 * waits for the TLS client's response. Thread-safe.
 */
final class TlsOnDemand extends EventListener implements Interceptor {

    private final Supplier<OkHttpClient> tls;
    /** calls of this client waiting for the TLS client's answer, to the TLS client's calls */
    private final Map<Call, Call> handedOver = new ConcurrentHashMap<>();

    private TlsOnDemand(Supplier<OkHttpClient> tls) {
        this.tls = tls;
    }

    /**
     * @param settings the client's settings (timeouts and the like); its connection specs, redirect policy across
     *                 schemes and event listener are replaced
     * @param tls      the client to hand requests that need TLS to, asked for once per such request
     * @return a cleartext client that hands TLS requests to {@code tls}
     */
    static OkHttpClient client(OkHttpClient.Builder settings, Supplier<OkHttpClient> tls) {
        TlsOnDemand t = new TlsOnDemand(tls);
        return settings.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
            .followSslRedirects(false)
            .addInterceptor(t)
            .eventListenerFactory(call -> t)
            .build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!request.url().isHttps()) {
            Response response = chain.proceed(request);
            if (!chain.getFollowRedirects() || !redirectsToHttps(response)) {
                return response;
            }
            response.close();
            // the whole request again, redirects and all, from the TLS client
        }
        return viaTls(chain, request);
    }

    /** @return whether {@code response} is a redirect to an https URL (which this client does not follow) */
    private static boolean redirectsToHttps(Response response) {
        if (!response.isRedirect()) {
            return false;
        }
        String location = response.header("Location");
        HttpUrl to = location == null ? null : response.request().url().resolve(location);
        return to != null && to.isHttps();
    }

    private Response viaTls(Chain chain, Request request) throws IOException {
        OkHttpClient client = tls.get().newBuilder()
            .connectTimeout(chain.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(chain.readTimeoutMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(chain.writeTimeoutMillis(), TimeUnit.MILLISECONDS)
            .socketFactory(chain.getSocketFactory())
            .followRedirects(chain.getFollowRedirects())
            .build();
        Call outer = chain.call();
        Call inner = client.newCall(request);
        handedOver.put(outer, inner);
        try {
            if (outer.isCanceled()) {
                inner.cancel(); // cancelled before it was handed over
            }
            return inner.execute();
        } finally {
            handedOver.remove(outer);
        }
    }

    @Override
    public void canceled(Call call) {
        Call inner = handedOver.get(call);
        if (inner != null) {
            inner.cancel();
        }
    }
}
