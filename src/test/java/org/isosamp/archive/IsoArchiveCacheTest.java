package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import org.isosamp.local.LocalArchive;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product cache: a repeated download sends no request; failures are never cached; clear empties it. */
class IsoArchiveCacheTest {

    @Test
    void repeatedDownloadComesFromTheCacheEvenWithTheArchiveGone(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        Path first;
        HttpUrl base;
        try (LocalArchive local = LocalArchive.builder().port(0).start()) {
            base = HttpUrl.get(local.baseUrl().toString());
            IsoArchive ida = new IsoArchive(base, IsoArchive.defaultHttpClient(), cache);
            first = ida.download("80001538", RetrievalType.STANDALONE, null, tmp.resolve("a"), "80001538", null);
            assertThrows(ArchiveException.class, () -> ida.download("12345678", RetrievalType.OBSERVATION,
                ProductLevel.DEFAULT_DATA_SET, tmp.resolve("a"), null, null));
        }
        IsoArchive offline = new IsoArchive(base, IsoArchive.defaultHttpClient(), cache);
        Path again = offline.download("80001538", RetrievalType.STANDALONE, null, tmp.resolve("b"), "image", null);
        assertEquals(tmp.resolve("b").resolve("image.fits"), again);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(again));
        // the 404 was not cached: asking again goes to the (now absent) server
        assertThrows(IOException.class, () -> offline.download("12345678", RetrievalType.OBSERVATION,
            ProductLevel.DEFAULT_DATA_SET, tmp.resolve("b"), null, null));
        assertEquals(1, offline.clearCache());
        assertThrows(IOException.class, () -> offline.download("80001538", RetrievalType.STANDALONE, null,
                                                               tmp.resolve("c"), null, null));
        assertTrue(Files.notExists(tmp.resolve("c").resolve("80001538.fits")));
    }
}
