package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The width a printed table fits: the terminal's, as astropy; none for a pipe or a file; --max-width first. */
class PrintOptionsTest {

    private static int width(Integer maxWidth, boolean terminal, Map<String, String> env, int tty) {
        PrintOptions p = new PrintOptions();
        p.maxWidth = maxWidth;
        return p.width(terminal, env, () -> tty);
    }

    @Test
    void aTerminalIsFilled() {
        assertEquals(132, width(null, true, Map.of("COLUMNS", "132"), 100), "an exported COLUMNS first");
        assertEquals(100, width(null, true, Map.of(), 100), "else the terminal's own width");
        assertEquals(100, width(null, true, Map.of("COLUMNS", "wide"), 100));
        assertEquals(80, width(null, true, Map.of(), 0), "else 80");
    }

    @Test
    void aPipeOrAFileGetsEveryColumn() {
        assertEquals(0, width(null, false, Map.of("COLUMNS", "132"), 100));
    }

    @Test
    void maxWidthChosenWins() {
        assertEquals(60, width(60, false, Map.of(), 0));
        assertEquals(60, width(60, true, Map.of("COLUMNS", "132"), 100));
        assertEquals(0, width(0, true, Map.of(), 100));
        assertEquals(0, width(-1, true, Map.of(), 100));
    }
}
