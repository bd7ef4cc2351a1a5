package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.isosamp.archive.ArchiveSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TOPCAT launcher's command lines, for a script and for a jar, how it finds TOPCAT and the plug-in jar (and says
 * what is missing), and one run through Debian's own {@code topcat} script with a stand-in for {@code java}: the
 * arguments arrive intact and the local archive answers while "TOPCAT" runs and is gone when it exits.
 */
class TopcatLauncherTest {

    private static final List<String> PLUGIN = List.of("-Dstartable.load.dialogs=org.isosamp.topcat.IsoLoadDialog",
        "-Dtopcat.activators=org.isosamp.topcat.IsoProductActivationType",
        "-Dstartable.schemes=org.isosamp.topcat.IsoTableScheme", "-Dtopcat.exttools=org.isosamp.topcat.IsoWindowTool");

    @TempDir
    Path dir;

    @Test
    void aScriptGetsThePluginOnItsClassPathThePropertiesAndTheArgumentsAsItSplitsThem() {
        TopcatLauncher l = new TopcatLauncher(new TopcatLauncher.Topcat(Path.of("/usr/bin/topcat"), true),
                                              List.of(Path.of("/opt/iso/iso-samp-topcat.jar")));
        String url = "http://127.0.0.1:4242/nida-sl-tap/";
        List<String> want = new java.util.ArrayList<>(List.of("/usr/bin/topcat", "-classpath",
                                                                "/opt/iso/iso-samp-topcat.jar:/opt/more.jar"));
        want.addAll(PLUGIN);
        want.addAll(List.of("-Diso-samp.archive=" + url, "-Diso-samp.local=" + url, "-Xmx2g", "-Dx=y", "-Jverbose",
                            "-hub", ":iso:SELECT * FROM ida.observations WHERE target = '\\''M31'\\''"));
        assertEquals(want, l.command(url, true, List.of("-Xmx2g", "-hub", "-classpath", "/opt/more.jar", "-Dx=y",
            "-Jverbose", ":iso:SELECT * FROM ida.observations WHERE target = 'M31'")));
    }

    @Test
    void aJarRunsWithThisJavaTopcatsJarFirstAndTheDriver() {
        TopcatLauncher l = new TopcatLauncher(new TopcatLauncher.Topcat(Path.of("/opt/topcat-full.jar"), false),
                                              List.of(Path.of("/opt/iso/iso-samp-topcat.jar")));
        List<String> want = new java.util.ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-classpath",
            "/opt/topcat-full.jar:/opt/iso/iso-samp-topcat.jar"));
        want.addAll(PLUGIN);
        want.addAll(List.of("-Diso-samp.archive=https://mirror.example/nida-sl-tap/", "-Xmx2g", "-verbose:gc",
                            "uk.ac.starlink.topcat.Driver", "-hub", ":iso:80000203"));
        assertEquals(want, l.command("https://mirror.example/nida-sl-tap/", false,
                                     List.of("-Xmx2g", "-hub", "-J-verbose:gc", ":iso:80000203")));
        // production: no archive property (the plug-ins' own default)
        List<String> production = l.command(null, false, List.of());
        assertFalse(production.stream().anyMatch(a -> a.startsWith("-Diso-samp.")), production.toString());
        assertEquals("uk.ac.starlink.topcat.Driver", production.get(production.size() - 1));
        assertEquals("org.isosamp.testing.Probe",
                     l.withMainClass("org.isosamp.testing.Probe").command(null, false, List.of()).get(3 + PLUGIN.size()));
        TopcatLauncher script = new TopcatLauncher(new TopcatLauncher.Topcat(Path.of("/usr/bin/topcat"), true),
                                                   List.of(Path.of("p.jar")));
        assertThrows(IllegalStateException.class, () -> script.withMainClass("x.Y"));
    }

    @Test
    void theShellLineQuotesWhatAShellWouldSplit() {
        assertEquals("topcat -Dx=y ':iso:SELECT * FROM t WHERE a = '\\''b'\\''' plain/path.jar",
                     TopcatLauncher.shellLine(List.of("topcat", "-Dx=y", ":iso:SELECT * FROM t WHERE a = 'b'",
                                                      "plain/path.jar")));
    }

    @Test
    void topcatIsTheNamedJarElseTopcatJarElseTheScriptOnPath() throws IOException {
        Path jar = Files.createFile(dir.resolve("topcat-full.jar"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = Files.writeString(bin.resolve("topcat"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String path = empty + ":" + bin;
        assertEquals(new TopcatLauncher.Topcat(jar, false),
                     TopcatLauncher.findTopcat(jar, Map.of("PATH", path, "TOPCAT_JAR", "/nowhere.jar")));
        assertEquals(new TopcatLauncher.Topcat(jar, false),
                     TopcatLauncher.findTopcat(null, Map.of("PATH", path, "TOPCAT_JAR", jar.toString())));
        assertEquals(new TopcatLauncher.Topcat(script, true), TopcatLauncher.findTopcat(null, Map.of("PATH", path)));

        IOException e = assertThrows(IOException.class,
                                     () -> TopcatLauncher.findTopcat(null, Map.of("PATH", empty.toString())));
        assertEquals("no TOPCAT found: no topcat on PATH (" + empty + ") and no $TOPCAT_JAR; install TOPCAT (Debian:"
                     + " apt install topcat) or name its topcat-full.jar with $TOPCAT_JAR or --topcat-jar",
                     e.getMessage());
        e = assertThrows(IOException.class, () -> TopcatLauncher.findTopcat(null, Map.of("PATH", path,
            "TOPCAT_JAR", dir.resolve("gone.jar").toString())));
        assertEquals("$TOPCAT_JAR " + dir.resolve("gone.jar") + ": no such file", e.getMessage());
        e = assertThrows(IOException.class, () -> TopcatLauncher.findTopcat(bin, Map.of()));
        assertEquals("TOPCAT's jar " + bin + ": not a file", e.getMessage());
    }

    @Test
    void thePluginJarIsBesideIsoSampsJarOrNamedAndItsAbsenceIsTold() throws IOException {
        Path target = Files.createDirectories(dir.resolve("target"));
        IOException e = assertThrows(IOException.class,
                                     () -> TopcatLauncher.pluginJarBeside(target.resolve("iso-samp.jar")));
        assertEquals("no TOPCAT plug-in jar: " + target.resolve("iso-samp-topcat.jar") + " does not exist (mvn"
                     + " package builds it beside iso-samp.jar; or name it with --plugin-jar)", e.getMessage());
        Path jar = Files.createFile(target.resolve("iso-samp-topcat.jar"));
        assertEquals(jar, TopcatLauncher.pluginJarBeside(target.resolve("iso-samp.jar")));
        assertEquals(jar, TopcatLauncher.pluginJarBeside(target.resolve("classes")), "classes: Maven's target/");
        assertEquals(List.of(jar, target), TopcatLauncher.findPluginJar(jar + ":" + target));
        e = assertThrows(IOException.class, () -> TopcatLauncher.findPluginJar(dir.resolve("x.jar").toString()));
        assertEquals("the plug-in jar " + dir.resolve("x.jar") + ": no such file", e.getMessage());
    }

    /**
     * Debian's own {@code topcat} script, its {@code java} replaced by a stand-in that writes down its arguments,
     * checks the local archive answers, and exits with 7.
     */
    @Test
    void throughDebiansScriptTheArgumentsArriveTheLocalArchiveRunsWhileTopcatRunsAndTheExitCodeIsTopcats()
            throws Exception {
        Path debian = Path.of("/usr/bin/topcat");
        Assumptions.assumeTrue(Files.isReadable(debian), "no Debian topcat script");
        Path args = dir.resolve("args.txt");
        Path fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, """
            #!/bin/bash
            for a in "$@"; do printf '%s\\n' "$a"; done > ARGS
            for a in "$@"; do
              case "$a" in -Diso-samp.local=*) url=${a#*=}; port=${url#http://127.0.0.1:}; port=${port%%/*} ;; esac
            done
            if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "archive up $port" >> ARGS; fi
            exit 7
            """.replace("ARGS", args.toString()), StandardCharsets.UTF_8);
        Path script = dir.resolve("topcat");
        Files.writeString(script, Files.readString(debian, StandardCharsets.ISO_8859_1)
            .replace("cmd=\"java ", "cmd=\"" + fakeJava + " "), StandardCharsets.ISO_8859_1);
        for (Path p : List.of(fakeJava, script)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path plugin = Files.createFile(dir.resolve("iso-samp-topcat.jar"));
        String adql = ":iso:SELECT * FROM ida.observations WHERE target = 'M31'";
        TopcatLauncher l = new TopcatLauncher(new TopcatLauncher.Topcat(script, true), List.of(plugin));
        int exit;
        String url;
        try (TopcatLauncher.Running topcat = l.start(ArchiveSettings.local(), List.of(adql, "-Xmx1g"),
                                                     ProcessBuilder.Redirect.to(dir.resolve("out.txt").toFile()))) {
            url = topcat.archiveUrl().orElseThrow();
            exit = topcat.waitFor();
        }
        assertEquals(7, exit, "TOPCAT's exit code");
        List<String> got = Files.readAllLines(args);
        int port = HttpUrl.get(url).port();
        assertTrue(got.contains("archive up " + port), "the local archive answered while TOPCAT ran: " + got);
        assertTrue(got.contains(adql), "the ADQL arrived whole, quotes and all: " + got);
        assertTrue(got.containsAll(PLUGIN), got.toString());
        assertTrue(got.contains("-Diso-samp.local=" + url) && got.contains("-Diso-samp.archive=" + url), got.toString());
        assertTrue(got.contains("-Xmx1g"), got.toString());
        assertTrue(got.contains("/usr/share/java/starlink-topcat.jar:" + plugin), "TOPCAT's jar first: " + got);
        assertEquals("uk.ac.starlink.topcat.Driver", got.get(got.indexOf(adql) - 1), got.toString());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close(),
                     "the local archive stopped with TOPCAT");
    }
}
