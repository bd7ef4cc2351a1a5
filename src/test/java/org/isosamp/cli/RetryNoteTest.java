package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A retry shows as one short note where the progress bar would be: on a terminal, without --quiet. */
class RetryNoteTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRetryIsOneLineOnATerminal() {
        new Progress(err, "80000203", false, true).retrying(1, 3, new ConnectException("Failed to connect\n to x"));
        assertEquals("80000203: retrying (1 of 3) after: Failed to connect to x\n", printed());
    }

    @Test
    void aBarLeftOpenIsEndedFirst() {
        Progress p = new Progress(err, "query", false, true);
        p.progress(2048, -1);
        p.retrying(2, 3, new java.io.IOException("reset"));
        // the bar is erased (Progress.finish), the note takes its line
        assertEquals("\rquery  2.0 KiB" + "\r" + " ".repeat("query  2.0 KiB".length()) + "\r"
                     + "query: retrying (2 of 3) after: reset\n", printed());
    }

    @Test
    void quietOrNotATerminalShowsNothing() {
        new Progress(err, "x", true, true).retrying(1, 3, new java.io.IOException("reset"));
        new Progress(err, "x", false, false).retrying(1, 3, new java.io.IOException("reset"));
        assertEquals("", printed());
    }
}
