package org.isosamp.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A probe {@code main} run inside the real TOPCAT 4.8.7 in a JVM of its own ({@link TopcatClassPath}: TOPCAT's jar
 * first, then the plug-in), on a {@link Xvfb} display, with a private home (no user's {@code ~/.starjava}, no
 * {@code ~/.samp}: {@code SAMP_HUB} and {@code ISO_SAMP_ARCHIVE} removed). The probe prints one line per fact to
 * its log and may wait for lines on its standard input ({@link #send}); the test waits for a line
 * ({@link #await}) and reads the log. {@link #close} stops TOPCAT if it still runs.
 */
public final class TopcatProbe implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final OutputStream in;

    private TopcatProbe(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.in = process.getOutputStream();
    }

    /** Fails the test, with the command that installs it, when Debian's TOPCAT is not there. */
    public static void require() {
        if (!Files.isReadable(TopcatClassPath.TOPCAT_JAR)) {
            fail(TopcatClassPath.TOPCAT_JAR + " is missing: run .ci/setup (apt-get install topcat)");
        }
    }

    /**
     * @param x          the display
     * @param dir        a folder of the test's: the home ({@code dir/home}) and the log ({@code dir/topcat.log})
     * @param properties system properties for TOPCAT's JVM, {@code name=value} (the plug-in's, e.g.
     *                   {@code startable.load.dialogs=...})
     * @param probe      the class whose {@code main} runs (it starts TOPCAT's {@code Driver} itself)
     * @param args       its arguments
     */
    public static TopcatProbe start(Xvfb x, Path dir, List<String> properties, Class<?> probe, String... args)
            throws IOException {
        require();
        Path home = Files.createDirectories(dir.resolve("home"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                   "-Duser.home=" + home));
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.addAll(List.of("-cp", TopcatClassPath.of(), probe.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("DISPLAY", x.display());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.toString());
        pb.environment().put("XDG_CACHE_HOME", home.toString());
        pb.environment().remove("SAMP_HUB");
        pb.environment().remove("ISO_SAMP_ARCHIVE");
        Path log = dir.resolve("topcat.log");
        return new TopcatProbe(pb.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    /** @return TOPCAT's process */
    public Process process() {
        return process;
    }

    /** @return the log so far, after a newline (so that {@code "\nline"} finds a first line too); "" before any */
    public String log() {
        try {
            return Files.exists(log) ? "\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Waits until the log has a line starting with {@code line}, or TOPCAT's JVM has ended.
     *
     * @return the log then
     */
    public String await(String line, Duration timeout, String what) throws InterruptedException {
        Await.until(() -> log().contains("\n" + line) || !process.isAlive(), timeout, what);
        return log();
    }

    /** Writes a line to the probe's standard input. */
    public void send(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        in.flush();
    }

    /** Closes the probe's standard input (a probe may take that as its end). */
    public void endInput() throws IOException {
        in.close();
    }

    /** Stops TOPCAT if it still runs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
