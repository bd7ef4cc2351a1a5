package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class IsoArchiveClientTest {

    @Test
    void oneDefaultClientWhoeverAsksFirstAndFromWhicheverThread() throws Exception {
        IsoArchive.prepareDefaultHttpClient(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<OkHttpClient>> asked = List.of(
                CompletableFuture.supplyAsync(IsoArchive::defaultHttpClient, pool),
                CompletableFuture.supplyAsync(IsoArchive::defaultHttpClient, pool),
                CompletableFuture.supplyAsync(IsoArchive::defaultHttpClient, pool));
            OkHttpClient c = IsoArchive.defaultHttpClient();
            for (CompletableFuture<OkHttpClient> f : asked) {
                assertSame(c, f.get());
            }
            IsoArchive.prepareDefaultHttpClient(true);
            assertSame(c, IsoArchive.defaultHttpClient());
            assertSame(c, IsoArchive.defaultHttpClient(IsoArchive.PRODUCTION_BASE));
            assertEquals(Duration.ofSeconds(15).toMillis(), c.connectTimeoutMillis());
            assertEquals(Duration.ofSeconds(120).toMillis(), c.readTimeoutMillis());
            assertEquals(0, c.callTimeoutMillis(), "no limit on a whole call: products are large");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void plainHttpArchivesShareOneClientWithTheSameSettingsAndNoTlsOfItsOwn() {
        IsoArchive.prepareDefaultHttpClient(false);
        OkHttpClient plain = IsoArchive.defaultHttpClient(HttpUrl.get("http://127.0.0.1:8080/nida-sl-tap/"));
        assertSame(plain, IsoArchive.defaultHttpClient(HttpUrl.get("http://archive.example/")));
        assertNotSame(IsoArchive.defaultHttpClient(), plain);
        assertThrows(IllegalStateException.class, plain::sslSocketFactory, "TLS comes from the default client");
        assertEquals(Duration.ofSeconds(15).toMillis(), plain.connectTimeoutMillis());
        assertEquals(Duration.ofSeconds(120).toMillis(), plain.readTimeoutMillis());
        assertEquals(0, plain.callTimeoutMillis());
    }
}
