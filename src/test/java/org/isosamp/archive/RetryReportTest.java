package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.isosamp.model.RetrievalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retry is reported to the download's listener, for a face to show as it likes, and logged at FINE only: a
 * retry that works is no WARNING (which a console handler would print, dated, with its stack, even with -q).
 */
class RetryReportTest {

    @Test
    void aRetryGoesToTheListenerAndIsNoWarning(@TempDir Path dir) throws Exception {
        List<String> retries = new ArrayList<>();
        DataClient.Listener listener = new DataClient.Listener() {
            @Override
            public void progress(long bytes, long total) {
            }

            @Override
            public void retrying(int retry, int of, IOException cause) {
                retries.add(retry + "/" + of + " " + cause.getMessage());
            }
        };
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(DataClient.class.getName());
        Level level = log.getLevel();
        log.setLevel(Level.ALL);
        log.addHandler(capture);
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/x-tar")
                .body("tar bytes").build());
            server.start();
            OkHttpClient http = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
            DataClient client = new DataClient(http, server.url("/nida-sl-tap/data"));
            HttpUrl url = client.productUrl("80000203", RetrievalType.OBSERVATION, null);
            Path p = client.download(url, dir, "80000203", listener);
            assertEquals("tar bytes", Files.readString(p));
        } finally {
            log.removeHandler(capture);
            log.setLevel(level);
        }
        assertEquals(1, retries.size(), retries.toString());
        assertTrue(retries.get(0).startsWith("1/3 ") && retries.get(0).contains("503"), retries.toString());
        assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() >= Level.INFO.intValue()),
                   () -> records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList().toString());
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.FINE && r.getMessage().contains("retrying")));
    }
}
