package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import okhttp3.HttpUrl;
import org.isosamp.model.TableMeta;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive settings a face chooses, and the sessions they open: the same for every face. */
class ArchiveSettingsTest {

    @Test
    void parseTakesLocalOrAUrlAndNamesWhatItRefuses() {
        assertTrue(ArchiveSettings.parse(" LOCAL ").isLocal());
        assertNull(ArchiveSettings.parse("local").base(), "the local archive's URL is known once it runs");
        assertEquals(HttpUrl.get("http://127.0.0.1:8080/nida-sl-tap/"),
                     ArchiveSettings.parse(" http://127.0.0.1:8080/nida-sl-tap/ ").base());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                                  () -> ArchiveSettings.parse("locl"));
        assertEquals("\"locl\" is neither 'local' nor an http(s) URL", e.getMessage());
        assertEquals(ArchiveSettings.production(), ArchiveSettings.parse(" Production "));
    }

    @Test
    void theFacesOwnChoiceWinsAndIsCheckedAsAnArgument() throws IOException {
        assertTrue(ArchiveSettings.chosen("local").isLocal());
        assertEquals(ArchiveSettings.at(HttpUrl.get("https://mirror.example/nida-sl-tap/")),
                     ArchiveSettings.chosen("https://mirror.example/nida-sl-tap/"));
        assertThrows(IllegalArgumentException.class, () -> ArchiveSettings.chosen("ftp://mirror.example/"));
    }

    @Test
    void theCacheIsTheDefaultUnlessChangedAndSettingsNeverChange(@TempDir Path tmp) {
        ArchiveSettings production = ArchiveSettings.production();
        assertEquals(IsoArchive.PRODUCTION_BASE, production.base());
        assertEquals(IsoArchive.defaultCacheDir(), production.cacheDir());
        assertNull(production.withoutCache().cacheDir());
        assertEquals(tmp, production.withCacheDir(tmp).cacheDir());
        assertEquals(IsoArchive.defaultCacheDir(), production.cacheDir(), "withers return new settings");
        assertEquals(production, ArchiveSettings.at(IsoArchive.PRODUCTION_BASE));
    }

    @Test
    void httpsIsGuessedFromTheChoice() {
        assertFalse(ArchiveSettings.httpsLikely("local"));
        assertFalse(ArchiveSettings.httpsLikely("http://127.0.0.1:8080/nida-sl-tap/"));
        assertTrue(ArchiveSettings.httpsLikely("https://mirror.example/"));
        assertTrue(ArchiveSettings.httpsLikely("not a url"), "unreadable: opening will say so; prepare TLS");
    }

    @Test
    void theLocalSessionStartsTheEmbeddedArchiveUncachedAndClosingStopsIt() throws Exception {
        int port;
        try (ArchiveSession s = ArchiveSettings.local().open()) {
            port = s.localPort().orElseThrow();
            assertEquals(HttpUrl.get("http://127.0.0.1:" + port + "/nida-sl-tap/"), s.archive().base());
            assertNull(s.archive().cacheDir(), "a new archive every time: its products are not worth caching");
            assertTrue(s.archive().tables(false).stream().map(TableMeta::name).anyMatch("ida.observations"::equals));
        }
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void theEmbeddedArchiveIsFoundAsAServiceAndItsAbsenceIsNamed() throws IOException {
        ClassLoader own = ArchiveSettings.class.getClassLoader();
        assertEquals("org.isosamp.local.LocalArchiveProvider", ArchiveSettings.embedded(own).getClass().getName());
        // a build without the local archive (a plug-in jar): no services file
        ClassLoader without = new ClassLoader(own) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        IOException e = assertThrows(IOException.class, () -> ArchiveSettings.embedded(without));
        String how = "no local archive here (no org.isosamp.archive.EmbeddedArchive service on the class path, no "
                     + "-Diso-samp.local): start TOPCAT with `iso-samp topcat --archive local`, or give serve-local's"
                     + " URL instead of 'local'";
        assertEquals(how, e.getMessage());
        // opening 'local' there (TOPCAT started without the launcher) says the same, in one line
        e = assertThrows(IOException.class, () -> ArchiveSettings.local().open(without, null));
        assertEquals(how, e.getMessage());
        // with the launcher's archive named, 'local' is that one, started by nobody here and stopped by nobody here
        HttpUrl running = HttpUrl.get(SharedArchive.get().baseUrl().toString());
        try (ArchiveSession s = ArchiveSettings.local().open(without, " " + running + " ")) {
            assertEquals(running, s.archive().base());
            assertTrue(s.localPort().isEmpty(), "not this session's archive");
            assertNull(s.archive().cacheDir());
            assertTrue(s.archive().tables(false).stream().map(TableMeta::name).anyMatch("ida.observations"::equals));
        }
        assertTrue(SharedArchive.client().tables(false).size() > 0, "closing the session left the archive running");
        e = assertThrows(IOException.class, () -> ArchiveSettings.local().open(without, "not a url"));
        assertEquals("-Diso-samp.local=not a url is not an http(s) URL", e.getMessage());
    }

    @Test
    void aUrlSessionStartsNothingAndKeepsItsCache(@TempDir Path tmp) throws Exception {
        HttpUrl base = HttpUrl.get(SharedArchive.get().baseUrl().toString());
        try (ArchiveSession s = ArchiveSettings.at(base).withCacheDir(tmp).open()) {
            assertTrue(s.localPort().isEmpty());
            assertEquals(base, s.archive().base());
            assertEquals(tmp.toAbsolutePath().normalize(), s.archive().cacheDir());
        }
        try (ArchiveSession s = ArchiveSettings.production().withCacheDir(tmp).openForCache()) {
            assertTrue(s.localPort().isEmpty());
            assertEquals(tmp.toAbsolutePath().normalize(), s.archive().cacheDir());
        }
    }

    @Test
    void anUnknownConfigKeyIsNamedWithItsLineEvenAfterAContinuedValue(@TempDir Path tmp) throws IOException {
        Path f = Files.writeString(tmp.resolve("config.properties"),
                                   "# mine\narchive=http://127.0.0.1:1/\\\n  nida-sl-tap/\narchve=local\n");
        IOException e = assertThrows(IOException.class, () -> ArchiveSettings.readConfig(f));
        assertEquals(f + ":4: unknown key \"archve\" (known keys: archive)", e.getMessage());
        Path good = Files.writeString(tmp.resolve("good.properties"), "archive = local\n");
        assertEquals("local", ArchiveSettings.readConfig(good).getProperty("archive"));
    }
}
