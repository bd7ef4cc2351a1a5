package org.isosamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class IsoSampTest {
    @Test
    void helpSucceedsAndUnknownCommandFails() {
        assertEquals(0, IsoSamp.runMain("--help"));
        assertNotEquals(0, IsoSamp.runMain("no-such-command"));
    }
}
