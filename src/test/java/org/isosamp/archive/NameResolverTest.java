package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.isosamp.model.SkyPosition;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;

/**
 * Names to positions: Sesame (a MockWebServer with Sesame's own XML), else the archive's target names (the local
 * archive's M31 observations); nothing here reaches an outside host.
 */
class NameResolverTest {

    @StartStop
    private final MockWebServer sesame = new MockWebServer();

    private final IsoArchive archive = SharedArchive.client();

    private static String fixture(String name) throws IOException {
        try (InputStream in = NameResolverTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private NameResolver resolver(HttpUrl sesameUrl) {
        return new NameResolver(IsoArchive.defaultHttpClient(archive.base()), sesameUrl, archive);
    }

    private HttpUrl sesameUrl() {
        return sesame.url("/cgi-bin/nph-sesame/-oxp/SNV");
    }

    @Test
    void sesameFirstAndItsFirstResolver() throws Exception {
        sesame.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/xml")
            .body(fixture("sesame-m31.xml")).build());
        NameResolver.Resolution r = resolver(sesameUrl()).resolve("M31");
        assertEquals(new SkyPosition(10.684708333, 41.26875), r.position());
        assertEquals(NameResolver.Source.SESAME, r.source());
        assertEquals("M31: 10.68471 +41.26875 (Sesame)", r.describe());
        RecordedRequest q = sesame.takeRequest();
        assertEquals("/cgi-bin/nph-sesame/-oxp/SNV?M31", q.getTarget());
    }

    @Test
    void aNameIsTheWholeQueryStringWithSpacesAndPlusEncoded() throws Exception {
        sesame.enqueue(new MockResponse.Builder().body(fixture("sesame-m31.xml")).build());
        resolver(sesameUrl()).resolve("1ES  1959+650");
        assertEquals("/cgi-bin/nph-sesame/-oxp/SNV?1ES%201959%2B650", sesame.takeRequest().getTarget());
    }

    @Test
    void nothingFoundBySesameFallsBackToTheArchiveTargetNames() throws Exception {
        sesame.enqueue(new MockResponse.Builder().body(fixture("sesame-nothing.xml")).build());
        NameResolver.Resolution r = resolver(sesameUrl()).resolve("M31_BULGE");
        assertEquals(NameResolver.Source.ARCHIVE, r.source());
        assertEquals(2, r.observations(), "the 2 observations whose target is M31_BULGE");
    }

    @Test
    void offOrUnreachableSesameFallsBackToTheArchiveTargetNames() throws Exception {
        for (HttpUrl url : new HttpUrl[] {null, HttpUrl.get("http://127.0.0.1:1/cgi-bin/nph-sesame/-oxp/SNV")}) {
            NameResolver.Resolution r = resolver(url).resolve("m 31");
            assertEquals(NameResolver.Source.ARCHIVE, r.source(), String.valueOf(url));
            assertEquals(15, r.observations(), "the 15 observations whose target is M31");
            assertEquals("m 31: 10.68461 +41.26916 (archive target names, 15 observations)", r.describe());
            // within 2 arcsec of Simbad's position, which the documentation's cone uses
            assertEquals(10.684708, r.position().raDeg(), 2 / 3600.0);
            assertEquals(41.26875, r.position().decDeg(), 2 / 3600.0);
        }
    }

    @Test
    void aSlowSesameIsGivenUpAfterAFewSeconds() throws Exception {
        sesame.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS)
            .body(fixture("sesame-m31.xml")).build());
        long t0 = System.nanoTime();
        NameResolver.Resolution r = resolver(sesameUrl()).resolve("M31");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertEquals(NameResolver.Source.ARCHIVE, r.source());
        assertTrue(seconds < 10, seconds + " s");
    }

    @Test
    void anUnknownNameSaysWhatEachResolverSaid() {
        sesame.enqueue(new MockResponse.Builder().body("<html>Service Unavailable</html>").code(503).build());
        NameResolveException e = assertThrows(NameResolveException.class,
                                              () -> resolver(sesameUrl()).resolve("No Such Thing"));
        assertTrue(e.getMessage().startsWith("no position for \"No Such Thing\": Sesame ("), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertTrue(e.getMessage().contains("no observation in the archive at " + archive.base()), e.getMessage());
    }

    @Test
    void coordinatesNeedNoResolver() throws Exception {
        NameResolver r = new NameResolver(IsoArchive.defaultHttpClient(archive.base()), null, null);
        assertEquals(NameResolver.Source.COORDINATES, r.resolve("00:42:44.3 +41:16:09").source());
        assertThrows(IllegalArgumentException.class, () -> r.resolve("400 41.27"));
        assertEquals(0, sesame.getRequestCount());
    }

    @Test
    void spellingsIgnoreCaseAndTheSpaceBeforeACatalogueNumber() {
        assertEquals(List.of("M 31", "M31"), List.copyOf(NameResolver.spellings("m 31")));
        assertEquals(List.of("NGC1068", "NGC 1068"), List.copyOf(NameResolver.spellings("ngc1068")));
        assertEquals(List.of("O'BRIEN'S STAR", "O'BRIEN'SSTAR"), List.copyOf(NameResolver.spellings("O'Brien's star")));
    }

    @Test
    void aQuoteInANameStaysInsideTheAdqlString() {
        NameResolveException e = assertThrows(NameResolveException.class,
                                              () -> resolver(null).resolve("x') OR 1=1 OR ('"));
        assertTrue(e.getMessage().contains("no observation in the archive"), e.getMessage());
    }

    @Test
    void configuredSesameIsAUrlOrOff() {
        try {
            System.setProperty(NameResolver.SESAME_SETTING, "off");
            assertEquals(null, NameResolver.configuredSesame());
            System.setProperty(NameResolver.SESAME_SETTING, "http://127.0.0.1:9/sesame");
            assertEquals(HttpUrl.get("http://127.0.0.1:9/sesame"), NameResolver.configuredSesame());
            System.setProperty(NameResolver.SESAME_SETTING, "nonsense");
            assertThrows(IllegalArgumentException.class, NameResolver::configuredSesame);
        } finally {
            System.clearProperty(NameResolver.SESAME_SETTING);
        }
    }
}
