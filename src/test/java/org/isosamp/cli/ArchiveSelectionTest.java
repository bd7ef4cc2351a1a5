package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                               "org.isosamp.IsoSamp", "tables", "--quiet", "--no-cache")
            .directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove(ArchiveOptions.ENV);
        pb.environment().putAll(env);
        Path log = dir.resolve("out.txt");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "iso-samp did not finish");
        return p.exitValue() + "\n" + Files.readString(log);
    }

    @Test
    void environmentVariableNamesTheArchive(@TempDir Path dir) throws Exception {
        String out = run(dir, Map.of(ArchiveOptions.ENV, SharedArchive.get().baseUrl().toString(),
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
        String out = run(dir, Map.of(ArchiveOptions.ENV, SharedArchive.get().baseUrl().toString(),
                                     "XDG_CONFIG_HOME", dir.toString()));
        assertTrue(out.startsWith("0\n"), out);
        assertTrue(out.lines().toList().containsAll(List.of("ida.observations", "ivoa.ssap")), out);
    }
}
