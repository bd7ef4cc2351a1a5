package org.isosamp.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs independent VO clients (Debian's stilts, /usr/bin/python3 with pyvo and
 * astroquery) as processes. A missing peer fails the test with the command
 * that installs it: these tests check interoperability and must not pass by
 * skipping.
 */
public final class Peers {

    /** What a finished process said. */
    public record Result(int exit, String output) { }

    private Peers() {
    }

    public static void require(String executable, String debianPackages) {
        if (!Files.isExecutable(Path.of(executable))) {
            fail(executable + " is missing: run .ci/setup (apt-get install " + debianPackages + ")");
        }
    }

    /** Runs a command, merging stderr into stdout, killing it after {@code timeoutSeconds}. */
    public static Result run(Path dir, long timeoutSeconds, List<String> command) throws IOException,
            InterruptedException {
        Path log = Files.createTempFile("peer-", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command + " did not finish within " + timeoutSeconds + " s:\n"
                     + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
