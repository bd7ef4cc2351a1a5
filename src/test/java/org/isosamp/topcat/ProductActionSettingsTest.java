package org.isosamp.topcat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.samp.ProductFetch.Then;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "ISO product" action's settings as a TOPCAT session saves and restores them, without TOPCAT (the same round
 * trip through TOPCAT's own {@code ConfigState} and activation window is in {@link IsoProductActivationTopcatTest}).
 */
class ProductActionSettingsTest {

    @TempDir
    Path dir;

    @Test
    void everySettingSurvivesTheSessionRoundTrip() {
        ProductActionSettings s = new ProductActionSettings("obs_id", "http://127.0.0.1:8642/nida-sl-tap/",
            RetrievalType.OBSERVATION, ProductLevel.BASIC_SCIENCE, Then.SEND, dir.toString());
        Map<String, String> map = s.toMap();
        assertEquals(Map.of("isoColumn", "obs_id", "isoArchive", "http://127.0.0.1:8642/nida-sl-tap/",
                            "isoRetrievalType", "OBSERVATION", "isoProductLevel", "BASIC_SCIENCE", "isoThen", "SEND",
                            "isoFolder", dir.toString()), map);
        assertEquals(s, ProductActionSettings.fromMap(map, ProductActionSettings.defaults("tdt")));
        // TOPCAT's session adds its own keys (all starting "_") beside ours
        Map<String, String> session = new HashMap<>(map);
        session.put("_ActivationType", IsoProductActivationType.class.getName());
        session.put("_isActive", "true");
        assertEquals(s, ProductActionSettings.fromMap(session, ProductActionSettings.defaults("tdt")));
        assertTrue(map.keySet().stream().noneMatch(k -> k.startsWith("_")));
    }

    @Test
    void defaultsAreProductionStandaloneLoadIntoTheCurrentFolder() {
        ProductActionSettings d = ProductActionSettings.defaults("tdt");
        assertEquals(new ProductActionSettings("tdt", "production", RetrievalType.STANDALONE,
            ProductLevel.DEFAULT_DATA_SET, Then.LOAD, System.getProperty("user.dir")), d);
        assertEquals(ArchiveSettings.production(), d.archiveSettings());
        assertNull(d.problem());
    }

    @Test
    void aSessionFromAnotherVersionKeepsTheDefaultsWhereItSaysNothingUsable() {
        ProductActionSettings d = ProductActionSettings.defaults("tdt");
        ProductActionSettings s = ProductActionSettings.fromMap(Map.of("isoThen", "FAX", "isoRetrievalType",
            "observation", "isoProductLevel", "NO_SUCH"), d);
        assertEquals(RetrievalType.OBSERVATION, s.type(), "case does not matter");
        assertEquals(Then.LOAD, s.then());
        assertEquals(ProductLevel.DEFAULT_DATA_SET, s.level());
        assertEquals(d, ProductActionSettings.fromMap(Map.of(), d));
    }

    @Test
    void whatCannotRunIsSaidInOneLine() {
        assertEquals("Choose the column with the TDT", ProductActionSettings.defaults("").problem());
        assertEquals("Archive: \"ftp://x\" is neither 'local' nor an http(s) URL",
            new ProductActionSettings("tdt", "ftp://x", null, null, null, dir.toString()).problem());
        assertEquals("an OBSERVATION tar cannot be sent over SAMP: choose STANDALONE to send",
            new ProductActionSettings("tdt", null, RetrievalType.OBSERVATION, null, Then.SEND, dir.toString())
                .problem());
        Path file = dir.resolve("f");
        try {
            java.nio.file.Files.writeString(file, "x");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals("Folder: " + file.resolve("sub") + " is not a folder",
            new ProductActionSettings("tdt", null, null, null, null, file.resolve("sub").toString()).problem());
        assertNull(new ProductActionSettings("tdt", null, null, null, null, dir.resolve("new/sub").toString())
            .problem(), "a folder that does not exist yet is made");
    }
}
