package org.isosamp.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code src/main/sh/iso-samp}, copied by the build to {@code target/iso-samp}) run for real
 * with {@code sh}, beside a stand-in {@code iso-samp.jar} whose main is {@link LauncherProbe}: arguments and exit
 * codes pass through untouched, standard output carries only the program's own output, the first run of a command
 * makes its class-data-sharing archive and later runs use it, a failed run makes none, a rebuilt jar gets a new one,
 * and {@code ISO_SAMP_CDS=off} runs plain {@code java -jar}.
 */
class LauncherScriptTest {

    @TempDir
    Path dir;
    Path script;
    Path jar;
    Path cache;

    @BeforeEach
    void setUp() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script = bin.resolve("iso-samp");
        Files.copy(Path.of("src/main/sh/iso-samp"), script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = bin.resolve("iso-samp.jar");
        writeJar(jar);
        cache = dir.resolve("cache");
    }

    /** A jar of the probe and picocli's classes, with the probe as its main class. */
    private static void writeJar(Path jar) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            String probe = LauncherProbe.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(probe));
            try (InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(probe)) {
                in.transferTo(out);
            }
            Path picocli = Path.of(picocli.CommandLine.class.getProtectionDomain().getCodeSource().getLocation().getPath());
            Set<String> seen = new HashSet<>();
            try (JarInputStream in = new JarInputStream(Files.newInputStream(picocli))) {
                for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                    if (e.getName().endsWith(".class") && !e.getName().contains("module-info") && seen.add(e.getName())) {
                        out.putNextEntry(new JarEntry(e.getName()));
                        in.transferTo(out);
                    }
                }
            }
        }
    }

    private record Run(int exit, List<String> out, String err) {
        String vm() {
            return out.get(out.size() - 1);
        }
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().remove("ISO_SAMP_CDS");
        pb.environment().putAll(env);
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher ended");
        return new Run(p.exitValue(), out.lines().toList(), Files.readString(err));
    }

    private List<Path> archives() throws IOException {
        if (!Files.isDirectory(cache.resolve("iso-samp/cds"))) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache.resolve("iso-samp/cds"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void argumentsAndOutputPassThroughAndTheSecondRunUsesTheArchiveTheFirstMade() throws Exception {
        Run first = run(Map.of(), "query", "SELECT TOP 2 * FROM \"ida\".observations WHERE a = 'b c'", "");
        assertEquals(0, first.exit(), first.err());
        assertEquals(List.of("query", "SELECT TOP 2 * FROM \"ida\".observations WHERE a = 'b c'", ""),
                     first.out().subList(0, 3), "the arguments, untouched, and nothing else before them");
        assertEquals(4, first.out().size(), "no JVM warnings on standard output: " + first.out());
        assertTrue(first.vm().contains("-XX:ArchiveClassesAtExit="), first.vm());
        List<Path> made = archives();
        assertEquals(1, made.size(), made.toString());
        assertTrue(made.get(0).getFileName().toString().endsWith("-query.jsa"), made.toString());

        Run second = run(Map.of(), "query", "x");
        assertEquals(0, second.exit(), second.err());
        assertEquals(List.of("query", "x"), second.out().subList(0, 2));
        assertTrue(second.vm().contains("-XX:SharedArchiveFile=" + made.get(0)), second.vm());
        assertEquals(made, archives(), "nothing more made");
    }

    @Test
    void shortCommandsRunOnC1AloneAndBulkOnesKeepTheFullJit() throws Exception {
        for (int i = 0; i < 2; i++) {  // the run that makes the archive, then the one that uses it
            Run look = run(Map.of(), "quicklook", "58002102");
            assertEquals(0, look.exit(), look.err());
            assertTrue(look.vm().contains("-XX:TieredStopAtLevel=1"), look.vm());
        }
        Run query = run(Map.of(), "query", "x");
        assertFalse(query.vm().contains("TieredStopAtLevel"), query.vm());
        assertFalse(query.vm().contains("CICompilerCount"), query.vm());
    }

    @Test
    void theWindowStartsOnC1AloneAndJavaOptsCanAskForTheFullJit() throws Exception {
        for (String[] args : new String[][] {{"gui"}, {}}) {
            Run window = run(Map.of(), args);
            assertEquals(0, window.exit(), window.err());
            assertTrue(window.vm().contains("-XX:TieredStopAtLevel=1"), window.vm());
            assertTrue(window.vm().contains("-XX:CICompilerCount=1"), "one compiler thread: " + window.vm());
        }
        Run full = run(Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "gui");
        assertEquals(0, full.exit(), full.err());
        String vm = full.vm();
        assertTrue(vm.indexOf("-XX:TieredStopAtLevel=4") > vm.indexOf("-XX:TieredStopAtLevel=1"),
                   "JAVA_OPTS comes after, and the JVM takes the last: " + vm);
        assertFalse(vm.contains("CICompilerCount"), "with C2 back the JVM refuses one compiler thread: " + vm);
    }

    @Test
    void aFailingRunPassesItsExitCodeAndMakesNoArchive() throws Exception {
        Run r = run(Map.of(), "exit=3", "more");
        assertEquals(3, r.exit());
        assertEquals(List.of("exit=3", "more"), r.out().subList(0, 2));
        assertEquals(List.of(), archives());
    }

    @Test
    void aRebuiltJarGetsItsOwnArchive() throws Exception {
        assertEquals(0, run(Map.of(), "tables").exit());
        List<Path> before = archives();
        assertEquals(1, before.size());
        writeJar(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        Run again = run(Map.of(), "tables");
        assertTrue(again.vm().contains("-XX:ArchiveClassesAtExit="), "a new archive is made: " + again.vm());
        assertEquals(1, archives().size(), "the old jar's archive is gone: " + archives());
        assertFalse(archives().equals(before), "a new one: " + archives());
    }

    @Test
    void aNewJarsFirstArchiveRemovesEveryArchiveOfOtherJarsAndTheirLeftovers() throws Exception {
        assertEquals(0, run(Map.of(), "tables").exit());
        assertEquals(0, run(Map.of(), "query").exit());
        Path cds = cache.resolve("iso-samp/cds");
        String oldKey = archives().get(0).getFileName().toString().replaceAll("-.*", "");
        Files.write(cds.resolve("." + oldKey + "-listen.4242.jsa"), new byte[10]); // a run killed while writing
        Files.write(cds.resolve("99-tables.jsa"), new byte[10]); // another jar's
        assertEquals(4, archives().size(), archives().toString());
        writeJar(jar);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(0, run(Map.of(), "tables").exit());
        List<Path> left = archives();
        assertEquals(1, left.size(), left.toString());
        assertFalse(left.get(0).getFileName().toString().startsWith(oldKey + "-"), left.toString());
        assertTrue(left.get(0).getFileName().toString().endsWith("-tables.jsa"), left.toString());
        assertEquals(0, run(Map.of(), "query").exit());
        assertEquals(2, archives().size(), "the current jar's archives are kept: " + archives());
    }

    @Test
    void cdsOffIsPlainJavaJar() throws Exception {
        Run r = run(Map.of("ISO_SAMP_CDS", "off", "JAVA_OPTS", "-Xmx64m"), "tables");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.vm().contains("SharedArchiveFile") || r.vm().contains("ArchiveClassesAtExit"), r.vm());
        assertTrue(r.vm().contains("-Xmx64m"), r.vm());
        assertEquals(List.of(), archives());
    }

    @Test
    void noJarBesideTheScriptIsOneClearLine() throws Exception {
        Files.delete(jar);
        Run r = run(Map.of(), "tables");
        assertEquals(1, r.exit());
        assertEquals("iso-samp: cannot find " + jar, r.err().strip());
    }
}
