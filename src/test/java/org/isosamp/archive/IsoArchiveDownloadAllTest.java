package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputExistsException;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IsoArchive#downloadAll}: every TDT tried, one outcome each, in order. */
class IsoArchiveDownloadAllTest {

    @TempDir
    Path dir;

    @Test
    void aFailureIsItsTdtsOutcomeAndTheOthersGoOn() throws Exception {
        Files.writeString(dir.resolve("80001538.tar"), "mine");
        List<DownloadOutcome> all = SharedArchive.client().downloadAll(
            List.of("80000203", "99999999", "not-a-tdt", "80001538"), RetrievalType.OBSERVATION,
            ProductLevel.DEFAULT_DATA_SET, dir, 2, IfExists.REFUSE, null);
        assertEquals(List.of("80000203", "99999999", "not-a-tdt", "80001538"),
            all.stream().map(DownloadOutcome::tdt).toList());
        assertTrue(all.get(0).ok());
        assertNull(all.get(0).failure());
        assertEquals(dir.toAbsolutePath().normalize().resolve("80000203.tar"), all.get(0).file());
        assertTrue(Files.size(all.get(0).file()) > 0);
        assertFalse(all.get(1).ok());
        assertEquals(404, assertInstanceOf(ArchiveException.class, all.get(1).failure()).status());
        assertInstanceOf(IllegalArgumentException.class, all.get(2).failure());
        assertInstanceOf(OutputExistsException.class, all.get(3).failure());
        assertEquals("mine", Files.readString(dir.resolve("80001538.tar")));
    }

    @Test
    void anOutcomeHasAFileOrAFailure() {
        assertThrows(IllegalArgumentException.class, () -> new DownloadOutcome("1", null, null));
        assertThrows(IllegalArgumentException.class,
            () -> new DownloadOutcome("1", Path.of("x"), new java.io.IOException("x")));
    }
}
