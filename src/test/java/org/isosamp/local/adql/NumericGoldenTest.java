package org.isosamp.local.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ADQL numeric functions give the ADQL answers once run on H2. */
class NumericGoldenTest {

    private static TestArchive db;

    @BeforeAll
    static void open() throws Exception {
        db = new TestArchive();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    private static Object value(String expr) throws Exception {
        List<List<Object>> r = db.run("SELECT " + expr + " AS v");
        return r.get(1).get(0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        TRUNCATE(2.77)          | 2.0
        TRUNCATE(-2.77)         | -2.0
        TRUNCATE(2.777, 2)      | 2.77
        ROUND(2.5)              | 3.0
        ROUND(-2.5)             | -3.0
        ROUND(2.345, 2)         | 2.35
        LOG(EXP(2))             | 2.0
        LOG10(1000)             | 3.0
        MOD(7.5, 2)             | 1.5
        MOD(-7.5, 2)            | -1.5
        POWER(2, 10)            | 1024.0
        POWER(2, 0.5)           | 1.4142135623730951
        7 / 2.0                 | 3.5
        SQRT(16)                | 4.0
        DEGREES(PI())           | 180.0
        ATAN2(1, 1) * 4         | 3.141592653589793
        COT(PI() / 4)           | 1.0000000000000002
        ABS(-2.5)               | 2.5
        CEILING(2.1)            | 3.0
        FLOOR(-2.1)             | -3.0
        """)
    void doubles(String expr, double expected) throws Exception {
        assertEquals(expected, ((Number) value(expr)).doubleValue(), 1e-12, expr);
        assertEquals(Double.class, value(expr).getClass(), expr);
    }

    /** ADQL leaves int/int open; we divide like PostgreSQL (the real archive): truncation. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        7 / 2          | 3
        -7 / 2         | -3
        MOD(7, 3)      | 1
        MOD(-7, 3)     | -1
        ABS(-3)        | 3
        ROUND(7)       | 7
        TRUNCATE(7)    | 7
        """)
    void integers(String expr, int expected) throws Exception {
        assertEquals(expected, value(expr));
    }

    @Test
    void randIsSeedableAndInUnitInterval() throws Exception {
        double r = (Double) value("RAND()");
        assertTrue(r >= 0 && r < 1, Double.toString(r));
        assertEquals(value("RAND(42)"), value("RAND(42)"));
        assertNotEquals(value("RAND(42)"), value("RAND(43)"));
    }

    @Test
    void logIsNaturalLogarithm() throws Exception {
        assertEquals("SELECT CAST(LN(2.718281828459045) AS DOUBLE PRECISION) AS \"v\"",
                     TestArchive.TRANSLATOR.translate("SELECT LOG(2.718281828459045) AS v").sql());
    }
}
