package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.testing.ChildJvm;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which archive a command talks to when --archive is not given: $ISO_SAMP_ARCHIVE, then
 * archive= in $XDG_CONFIG_HOME/iso-samp/config.properties. Runs the command line as a child
 * process, since the environment cannot be changed in-process.
 */
class ArchiveSelectionTest {

    static String run(Path dir, Map<String, String> env) throws Exception {
        try (ChildJvm iso = ChildJvm.start(dir, env, "org.isosamp.IsoSamp", "tables", "--quiet", "--no-cache")) {
            int exit = iso.waitFor(Duration.ofSeconds(60));
            return exit + "\n" + iso.output();
        }
    }

    @Test
    void environmentVariableNamesTheArchive(@TempDir Path dir) throws Exception {
        String out = run(dir, Map.of(ArchiveSettings.ENV, SharedArchive.get().baseUrl().toString(),
                                     "XDG_CONFIG_HOME", dir.toString()));
        assertTrue(out.startsWith("0\n"), out);
        assertTrue(out.lines().toList().contains("ida.observations"), out);
    }

    @Test
    void configFileNamesTheArchive(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("iso-samp").resolve("config.properties");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "archive=" + SharedArchive.get().baseUrl() + "\n");
        String out = run(dir, Map.of("XDG_CONFIG_HOME", dir.toString()));
        assertTrue(out.startsWith("0\n"), out);
        assertEquals(53, out.lines().filter(l -> l.matches("[a-z_]+\\.[a-z_0-9]+")).count(), out);
    }

    @Test
    void environmentWinsOverTheConfigFile(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("iso-samp").resolve("config.properties");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, "archive=http://127.0.0.1:1/nida-sl-tap/\n");
        String out = run(dir, Map.of(ArchiveSettings.ENV, SharedArchive.get().baseUrl().toString(),
                                     "XDG_CONFIG_HOME", dir.toString()));
        assertTrue(out.startsWith("0\n"), out);
        assertTrue(out.lines().toList().containsAll(List.of("ida.observations", "ivoa.ssap")), out);
    }
}
