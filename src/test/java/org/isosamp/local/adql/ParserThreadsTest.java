package org.isosamp.local.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad queries must not cost the server a thread each (JSqlParser's one-argument parse leaks one). */
class ParserThreadsTest {

    static long nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()).count();
    }

    @Test
    void failedParsesLeaveNoThreadBehind() throws Exception {
        TestArchive.TRANSLATOR.translate("SELECT tdt FROM ida.observations");   // warm up the pool
        long before = nonDaemonThreads();
        for (int i = 0; i < 50; i++) {
            AdqlException e = assertThrows(AdqlException.class,
                () -> TestArchive.TRANSLATOR.translate("SELECT tdt FROM ida.observations WHERE 1=1 GARBAGE"));
            assertTrue(e.getMessage().startsWith("Cannot parse query: unexpected \"GARBAGE\""), e.getMessage());
        }
        assertEquals(before, nonDaemonThreads());
    }
}
