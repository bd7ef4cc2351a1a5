package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code iso-samp topcat}: what it prints with {@code --print}, and its one-line answers when TOPCAT or the plug-in
 * jar is missing. (The command line it runs: {@code TopcatLauncherTest}; a real TOPCAT: {@code
 * TopcatSchemeTopcatTest}.)
 */
class TopcatCommandTest {

    @TempDir
    Path dir;

    @Test
    void printShowsTheCommandLineWithTheLocalArchivesPlaceholderAndSaysHowToRunIt() throws IOException {
        Path topcat = Files.createFile(dir.resolve("topcat-full.jar"));
        Path plugin = Files.createFile(dir.resolve("iso-samp-topcat.jar"));
        CliRun r = CliRun.run("topcat", "--archive", "local", "--topcat-jar", topcat.toString(), "--plugin-jar",
                              plugin.toString(), "--print", "--", ":iso:SELECT TOP 5 * FROM ida.observations", "-Xmx2g");
        assertEquals(0, r.exit(), r.err());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        assertEquals(List.of(java + " -classpath " + topcat + ":" + plugin
            + " -Dstartable.load.dialogs=org.isosamp.topcat.IsoLoadDialog"
            + " -Dtopcat.activators=org.isosamp.topcat.IsoProductActivationType"
            + " -Dstartable.schemes=org.isosamp.topcat.IsoTableScheme"
            + " -Dtopcat.exttools=org.isosamp.topcat.IsoWindowTool"
            + " -Diso-samp.archive=http://127.0.0.1:PORT/nida-sl-tap/ -Diso-samp.local=http://127.0.0.1:PORT/nida-sl-tap/"
            + " -Xmx2g uk.ac.starlink.topcat.Driver ':iso:SELECT TOP 5 * FROM ida.observations'"), r.lines());
        assertTrue(r.err().contains("'iso-samp serve-local --port PORT'"), r.err());
        // production: no archive property; --dry-run is the same option
        r = CliRun.run("topcat", "--archive", "production", "--topcat-jar", topcat.toString(), "--plugin-jar",
                       plugin.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("iso-samp.archive"), r.out());
        assertEquals("", r.err());
        r = CliRun.run("topcat", "--archive", "https://mirror.example/nida-sl-tap/", "--topcat-jar",
                       topcat.toString(), "--plugin-jar", plugin.toString(), "--print");
        assertTrue(r.out().contains(" -Diso-samp.archive=https://mirror.example/nida-sl-tap/ "), r.out());
        assertFalse(r.out().contains("iso-samp.local"), r.out());
    }

    @Test
    void aMissingTopcatOrPluginJarIsOneLineNamingItAndHowToGetIt() throws IOException {
        Path topcat = Files.createFile(dir.resolve("topcat-full.jar"));
        CliRun r = CliRun.run("topcat", "--topcat-jar", dir.resolve("gone.jar").toString(), "--print");
        assertEquals(1, r.exit());
        assertEquals("iso-samp topcat: TOPCAT's jar " + dir.resolve("gone.jar") + ": no such file\n", r.err());
        r = CliRun.run("topcat", "--topcat-jar", topcat.toString(), "--plugin-jar", dir.resolve("p.jar").toString());
        assertEquals(1, r.exit());
        assertEquals("iso-samp topcat: the plug-in jar " + dir.resolve("p.jar") + ": no such file\n", r.err());
    }

    @Test
    void withoutTopcatOnThePathTheMessageSaysHowToInstallOrNameIt() throws Exception {
        // a JVM of its own: PATH and TOPCAT_JAR are the environment's
        Path empty = Files.createDirectories(dir.resolve("empty"));
        try (var child = org.isosamp.testing.ChildJvm.start(dir, java.util.Map.of("PATH", empty.toString(),
                                                                                 "TOPCAT_JAR", ""),
                                                            "org.isosamp.IsoSamp", "topcat", "--print")) {
            assertEquals(1, child.waitFor(java.time.Duration.ofSeconds(60)));
            assertEquals("iso-samp topcat: no TOPCAT found: no topcat on PATH (" + empty + ") and no $TOPCAT_JAR;"
                         + " install TOPCAT (Debian: apt install topcat) or name its topcat-full.jar with $TOPCAT_JAR"
                         + " or --topcat-jar\n", child.output());
        }
    }
}
