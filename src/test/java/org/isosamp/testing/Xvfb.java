package org.isosamp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A private X display for tests of windows (ours, TOPCAT's, Aladin's): Debian's Xvfb on a display number it picks
 * itself ({@code -displayfd}), no TCP listener, 1280x900x24. A window runs in a child JVM (or process) given
 * {@code DISPLAY=}{@link #display()}: the test JVM itself stays headless. A missing Xvfb or ImageMagick fails the
 * test with the command that installs them ({@link Peers#require}): CI installs both.
 *
 * <pre>
 * try (Xvfb x = Xvfb.start(logs)) {
 *     ProcessBuilder pb = ...; pb.environment().put("DISPLAY", x.display());
 *     ...
 *     x.screenshot(Path.of("target/screenshots/window.png"));
 * }
 * </pre>
 */
public final class Xvfb implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(30);

    private final Process process;
    private final String display;

    private Xvfb(Process process, String display) {
        this.process = process;
        this.display = display;
    }

    /**
     * Starts Xvfb and waits until it names its display.
     *
     * @param logDir where {@code xvfb.log} and {@code xvfb.display} go (created if missing)
     */
    public static Xvfb start(Path logDir) throws IOException, InterruptedException {
        Peers.require("/usr/bin/Xvfb", "xvfb");
        Files.createDirectories(logDir);
        Path displayFile = logDir.resolve("xvfb.display");
        Files.deleteIfExists(displayFile);
        Process p = new ProcessBuilder("/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24",
            "-nolisten", "tcp").redirectOutput(displayFile.toFile())
            .redirectError(logDir.resolve("xvfb.log").toFile()).start();
        try {
            String number = Await.value(() -> firstLine(displayFile), START,
                                        () -> "Xvfb's display number (log: " + logDir.resolve("xvfb.log") + ")");
            return new Xvfb(p, ":" + number);
        } catch (RuntimeException | Error e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** @return the display, e.g. {@code :99}, for a child's {@code DISPLAY} */
    public String display() {
        return display;
    }

    /**
     * Saves the whole screen as a PNG with ImageMagick's {@code import}.
     *
     * @param png the file (its folder is created)
     */
    public void screenshot(Path png) throws IOException, InterruptedException {
        Peers.require("/usr/bin/import", "imagemagick");
        Files.createDirectories(png.toAbsolutePath().getParent());
        Process q = new ProcessBuilder("/usr/bin/import", "-display", display, "-window", "root", png.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!q.waitFor(30, TimeUnit.SECONDS)) {
            q.destroyForcibly();
            throw new IOException("import -window root " + png + " did not finish in 30 s");
        }
        if (q.exitValue() != 0) {
            throw new IOException("import -window root " + png + " exited " + q.exitValue());
        }
    }

    /**
     * Saves the whole screen as {@code target/screenshots/NAME}, where every test's screenshots go, for people to
     * look at.
     *
     * @return the file
     */
    public Path screenshot(String name) throws IOException, InterruptedException {
        Path png = Path.of("target", "screenshots", name);
        screenshot(png);
        if (Files.size(png) == 0) {
            throw new IOException(png + " is empty");
        }
        return png;
    }

    /** Stops Xvfb. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String firstLine(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return s.isEmpty() ? null : s.lines().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
