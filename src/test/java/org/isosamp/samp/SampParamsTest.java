package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.astrogrid.samp.Message;
import org.isosamp.samp.SampParams.BadMessage;
import org.junit.jupiter.api.Test;

class SampParamsTest {

    private static SampParams params(Object... kv) throws BadMessage {
        Message m = new Message("x.y");
        for (int i = 0; i < kv.length; i += 2) {
            m.addParam((String) kv[i], kv[i + 1]);
        }
        return SampParams.of(m, Set.of("a", "b"));
    }

    @Test
    void floatsFollowTheSampGrammar() throws Exception {
        String[] good = {"1", "+1", "-1", "1.", ".5", "-.5", "1.25", "1e5", "1E+05", "-2.5e-3", "0", "-0", "007"};
        double[] values = {1, 1, -1, 1, 0.5, -0.5, 1.25, 1e5, 1e5, -2.5e-3, 0, -0.0, 7};
        for (int i = 0; i < good.length; i++) {
            assertEquals(values[i], params("a", good[i]).requiredFloat("a"), good[i]);
        }
        for (String bad : new String[] {"", " 1", "1 ", "1,5", "1e", "e5", ".", "+", "NaN", "Infinity", "1d", "1f",
                                        "0x10", "1e99999", "1e400", "١", "1_000"}) {
            BadMessage e = assertThrows(BadMessage.class, () -> params("a", bad).requiredFloat("a"), bad);
            assertEquals(true, e.getMessage().startsWith("x.y: parameter \"a\" is "), e.getMessage());
        }
    }

    @Test
    void intsAndIntLists() throws Exception {
        assertEquals(-12, params("a", "-12").requiredInt("a"));
        assertEquals(999_999_999_999_999_999L, params("a", "999999999999999999").requiredInt("a"));
        assertThrows(BadMessage.class, () -> params("a", "9999999999999999999").requiredInt("a"));
        assertThrows(BadMessage.class, () -> params("a", "1.0").requiredInt("a"));
        assertArrayEquals(new long[] {0, 3}, params("a", List.of("0", "3")).requiredIntList("a"));
        BadMessage e = assertThrows(BadMessage.class, () -> params("a", List.of("0", "x")).requiredIntList("a"));
        assertEquals("x.y: parameter \"a[1]\" is \"x\", not a SAMP int", e.getMessage());
    }

    @Test
    void unknownAndMissingParametersAreNamed() throws Exception {
        BadMessage e = assertThrows(BadMessage.class, () -> params("c", "1"));
        assertEquals("x.y: unknown parameter \"c\" (takes a, b)", e.getMessage());
        e = assertThrows(BadMessage.class, () -> params("b", "1").requiredFloat("a"));
        assertEquals("x.y: required parameter \"a\" is missing", e.getMessage());
        Message notAMap = new Message("x.y");
        notAMap.put(Message.PARAMS_KEY, "a=1");
        e = assertThrows(BadMessage.class, () -> SampParams.of(notAMap, Set.of("a")));
        assertEquals("x.y: samp.params must be a map, not a string", e.getMessage());
    }

    @Test
    void quotedValuesAreShortAndSampSafe() {
        assertEquals("\"a\\\"b\\\\c\"", SampParams.quote("a\"b\\c"));
        assertEquals("\"\\u00b0\\u0000\\u000a\"", SampParams.quote("\u00b0\u0000\n"));
        String q = SampParams.quote("x".repeat(1000));
        assertEquals("\"" + "x".repeat(40) + "\"... (1000 characters)", q);
        assertEquals("caf\\u00e9...", SampParams.safe("café au lait", 4));
        for (char c : SampParams.quote("\u2028\ud800\u007f\t").toCharArray()) {
            assertEquals(true, c >= 0x20 && c < 0x7f, "SAMP string character " + (int) c);
        }
    }
}
