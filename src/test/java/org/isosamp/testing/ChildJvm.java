package org.isosamp.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} run in a JVM of its own, on the test class path, its stdout and stderr in a log file: for what
 * needs a real process, such as a signal. {@link #close} kills it if it still runs.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * @param dir       the working directory; the log is {@code dir/child.log}
     * @param mainClass the class whose {@code main} runs
     * @param args      its arguments
     */
    public static ChildJvm start(Path dir, String mainClass, String... args) throws IOException {
        return start(dir, Map.of(), mainClass, args);
    }

    /**
     * @param dir       the working directory; the log is {@code dir/child.log}
     * @param env       more environment variables for the child, set after the defaults
     * @param mainClass the class whose {@code main} runs
     * @param args      its arguments
     */
    public static ChildJvm start(Path dir, Map<String, String> env, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Path log = dir.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("XDG_CONFIG_HOME", dir.toString()); // never the user's config
        pb.environment().put("XDG_CACHE_HOME", dir.toString());
        pb.environment().remove("ISO_SAMP_ARCHIVE"); // nor the user's archive
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), log);
    }

    /** @return what the process has written so far */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** @return the child JVM's process id (its own: it is started directly, with no shell between) */
    public long pid() {
        return process.pid();
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the output holds {@code marker}; fails, with the output, if the process ends first. */
    public void awaitOutput(String marker, Duration timeout) throws InterruptedException {
        Await.value(() -> output().contains(marker) || !process.isAlive() ? Boolean.TRUE : null, timeout,
            () -> "\"" + marker + "\" from the child JVM; it wrote:\n" + output() + threads());
        assertTrue(output().contains(marker), "the child JVM ended (exit " + exitText() + ") without \"" + marker
            + "\":\n" + output());
    }

    /**
     * Sends SIGTERM ({@link Process#destroy()} on Linux; the JVM runs its shutdown hooks as on SIGINT) and waits
     * for the process to end.
     *
     * @return its exit code (143 = 128 + SIGTERM)
     */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child JVM did not end within " + timeout + " of SIGTERM:\n" + output()
                                     + threads());
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself; @return its exit code */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child JVM did not end within " + timeout + ":\n" + output() + threads());
        }
        return process.exitValue();
    }

    /**
     * @return the child's threads as {@code jcmd PID Thread.print} prints them, to say where a child that did not
     *         end in time was stuck (empty once it has ended)
     */
    private String threads() {
        if (!process.isAlive()) {
            return "";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            byte[] out = jcmd.getInputStream().readAllBytes();
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return "\n--- its threads (jcmd Thread.print) ---\n" + new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "\n(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String exitText() {
        return process.isAlive() ? "none yet" : String.valueOf(process.exitValue());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
