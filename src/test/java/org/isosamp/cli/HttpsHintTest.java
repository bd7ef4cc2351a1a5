package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.isosamp.archive.ArchiveSettings;
import org.junit.jupiter.api.Test;

/** The launcher's early guess at whether the archive is https (which client to prepare while picocli parses). */
class HttpsHintTest {

    private static boolean hint(String... args) {
        return ArchiveOptions.httpsLikely(args);
    }

    @Test
    void readsTheArchiveOptionInBothForms() {
        assertFalse(hint("query", "--archive", "local", "SELECT 1"));
        assertFalse(hint("query", "--archive", "LOCAL"));
        assertFalse(hint("query", "--quiet", "--archive=http://127.0.0.1:8080/nida-sl-tap/", "SELECT 1"));
        assertFalse(hint("tables", "--archive", " http://archive.example/ "));
        assertTrue(hint("query", "--archive", "https://nida.esac.esa.int/nida-sl-tap/", "SELECT 1"));
        assertTrue(hint("query", "--archive=HTTPS://mirror.example/"));
        assertTrue(hint("query", "--archive", "not a url"), "unreadable: the command will say so; prepare TLS");
    }

    @Test
    void withoutTheOptionTheDefaultIsTheHttpsProductionArchive() {
        assumeTrue(System.getenv(ArchiveSettings.ENV) == null && !Files.exists(ArchiveSettings.configFile()),
                   "no archive chosen in the environment or the config file");
        assertTrue(hint("query", "SELECT 1"));
        assertTrue(hint("query", "--", "--archive", "local"), "after --, --archive is the ADQL, not an option");
        assertTrue(hint("query", "--archive"), "no value: picocli will complain");
    }
}
