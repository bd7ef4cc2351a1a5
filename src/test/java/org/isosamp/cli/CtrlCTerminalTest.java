package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.isosamp.IsoSamp;
import org.isosamp.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Ctrl-C on a real terminal: {@code download} runs in a child JVM on a pseudo-terminal made by util-linux
 * {@code script}, so its progress bar shows; a Ctrl-C byte typed into the terminal becomes SIGINT, as at a
 * keyboard. The bar's line must end with "interrupted" and a newline, not be left open under the prompt.
 */
@EnabledOnOs(OS.LINUX)
class CtrlCTerminalTest {

    private static final int FIRST = 200_000;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @Test
    void ctrlCEndsTheProgressLineWithInterrupted() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/x-tar")
            .setHeader("Content-Disposition", "attachment; filename=\"ISO1659972236.tar\"")
            .body(new Buffer().write(new byte[3 * FIRST])).throttleBody(FIRST, 60, TimeUnit.SECONDS).build());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", List.of("exec", quote(java), "-cp", quote(System.getProperty("java.class.path")),
            IsoSamp.class.getName(), "download", "--archive", quote(server.url("/nida-sl-tap/").toString()),
            "--no-cache", "--dir", quote(dir.toString()), "80000203"));
        Path typescript = dir.resolve("typescript");
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-f", "-c", command, typescript.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("script.err").toFile());
        pb.environment().put("XDG_CONFIG_HOME", dir.toString());
        pb.environment().put("XDG_CACHE_HOME", dir.toString());
        pb.environment().put("SHELL", "/bin/sh");
        Process script = pb.start();
        try (OutputStream keyboard = script.getOutputStream()) {
            Await.value(() -> screen(typescript).contains("585.9 KiB") || !script.isAlive() ? Boolean.TRUE : null,
                Duration.ofSeconds(60), () -> "a progress bar on the terminal: " + screen(typescript));
            assertTrue(script.isAlive(), "ended before the stall: " + screen(typescript));
            keyboard.write(3); // Ctrl-C
            keyboard.flush();
            assertTrue(script.waitFor(30, TimeUnit.SECONDS), "still running after Ctrl-C: " + screen(typescript));
        } finally {
            script.destroyForcibly();
        }
        String screen = screen(typescript);
        assertEquals(130, script.exitValue(), screen);
        // the terminal echoes the Ctrl-C as ^C where the cursor is: after the bar
        assertTrue(screen.matches("(?s).*\r80000203  [^\r\n]* / 585\\.9 KiB +\\d+%(\\^C)?  interrupted\r?\n.*"),
                   screen);
        try (var files = Files.list(dir.resolve("."))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no part file left");
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String screen(Path typescript) {
        try {
            return new String(Files.readAllBytes(typescript), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
