package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class IsoArchiveClientTest {

    @Test
    void oneDefaultClientWhoeverAsksFirstAndFromWhicheverThread() throws Exception {
        IsoArchive.prepareDefaultHttpClient();
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
            IsoArchive.prepareDefaultHttpClient();
            assertSame(c, IsoArchive.defaultHttpClient());
            assertEquals(Duration.ofSeconds(15).toMillis(), c.connectTimeoutMillis());
            assertEquals(Duration.ofSeconds(120).toMillis(), c.readTimeoutMillis());
            assertEquals(0, c.callTimeoutMillis(), "no limit on a whole call: products are large");
        } finally {
            pool.shutdown();
        }
    }
}
