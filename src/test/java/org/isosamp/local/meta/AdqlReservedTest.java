package org.isosamp.local.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdqlReservedTest {
    @Test
    void reservedWordsArePublishedDelimited() {
        assertEquals("\"size\"", AdqlReserved.publish("size"));
        assertEquals("\"year\"", AdqlReserved.publish("year"));
        assertEquals("\"value\"", AdqlReserved.publish("value"));
        assertEquals("\"Mixed Case\"", AdqlReserved.publish("Mixed Case"));
    }

    @Test
    void astronomersColumnsStayPlain() {
        // ADQL 2.0 leaves DEC out of SQL-92's reserved words; taplint agrees
        assertEquals("dec", AdqlReserved.publish("dec"));
        assertEquals("ra", AdqlReserved.publish("ra"));
        assertEquals("s_region_fov", AdqlReserved.publish("s_region_fov"));
    }
}
