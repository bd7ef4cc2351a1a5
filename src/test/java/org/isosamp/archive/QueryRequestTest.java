package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link QueryRequest}: defaults, checked arguments, immutability, variants. */
class QueryRequestTest {

    @Test
    void aRequestIsASyncQueryWithTheArchivesDefaultMaxrecUnlessTold() {
        QueryRequest r = QueryRequest.builder("SELECT 1").build();
        assertEquals("SELECT 1", r.adql());
        assertEquals(100_000, r.maxrec());
        assertEquals(QueryRequest.DEFAULT_MAXREC, r.maxrec());
        assertFalse(r.async());
        assertNull(r.jobListener());
        assertNull(r.progress());
    }

    @Test
    void argumentsAreCheckedAsTheyAreGivenNamingTheValue() {
        assertEquals("ADQL query is empty",
                     assertThrows(IllegalArgumentException.class, () -> QueryRequest.builder(" \n")).getMessage());
        assertEquals("ADQL query is empty",
                     assertThrows(IllegalArgumentException.class, () -> QueryRequest.builder(null)).getMessage());
        QueryRequest.Builder b = QueryRequest.builder("SELECT 1");
        assertEquals("maxrec (-1) must be >= 0",
                     assertThrows(IllegalArgumentException.class, () -> b.maxrec(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.adql(""));
        assertEquals(0, b.maxrec(0).build().maxrec(), "MAXREC=0 asks for the metadata alone: allowed");
        assertEquals("SELECT 1", b.build().adql(), "a refused value leaves the builder as it was");
    }

    @Test
    void aBuiltRequestDoesNotChangeWithItsBuilderAndNewBuilderMakesVariants() {
        List<String> phases = new ArrayList<>();
        DataClient.Listener progress = (read, total) -> { };
        QueryRequest.Builder b = QueryRequest.builder("SELECT 1").maxrec(5).async(true)
                .jobListener(phases::add).progress(progress);
        QueryRequest r = b.build();
        b.adql("SELECT 2").maxrec(6).async(false).jobListener(null).progress(null);
        assertEquals("SELECT 1", r.adql());
        assertEquals(5, r.maxrec());
        assertTrue(r.async());
        assertSame(progress, r.progress());

        QueryRequest more = r.newBuilder().maxrec(1000).build();
        assertEquals(1000, more.maxrec());
        assertEquals(5, r.maxrec(), "the original is untouched");
        assertEquals("SELECT 1", more.adql());
        assertTrue(more.async());
        assertSame(r.jobListener(), more.jobListener());
        assertSame(progress, more.progress());
        assertEquals("QueryRequest{async, maxrec=1000, adql=SELECT 1}", more.toString());
    }

    @Test
    void aLambdaIsAJobListenerThatHearsThePhasesOnly() {
        List<String> heard = new ArrayList<>();
        JobListener l = heard::add;
        l.created("http://127.0.0.1:1/tap/async/x");
        l.accept("EXECUTING");
        assertEquals(List.of("EXECUTING"), heard);
    }
}
