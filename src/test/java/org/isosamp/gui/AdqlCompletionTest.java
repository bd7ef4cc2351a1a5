package org.isosamp.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.isosamp.gui.AdqlCompletion.Candidate;
import org.isosamp.gui.AdqlCompletion.Context;
import org.isosamp.gui.AdqlCompletion.Result;
import org.isosamp.model.ColumnMeta;
import org.isosamp.model.TableMeta;
import org.junit.jupiter.api.Test;

/**
 * ADQL completion's logic: the names offered and the text they replace, in each context, and where the list goes on
 * the screen, with no display.
 */
class AdqlCompletionTest {

    private static final List<TableMeta> TABLES = List.of(
        new TableMeta("ida.observations", "ISO observations", List.of(
            col("tdt", null, "Target Dedicated Time number"), col("ra_deg", "deg", "Right ascension"),
            col("dec", "deg", "Declination"), col("aotname", null, null))),
        new TableMeta("ida.postcards", "quick-look images", List.of(
            col("tdt", null, "TDT of the postcard"), col("postcard_url", null, "where the PNG is"))),
        new TableMeta("ivoa.obscore", "ObsCore", List.of(
            col("obs_id", null, "observation id"), col("s_ra", "deg", "RA"))));

    private static ColumnMeta col(String name, String unit, String description) {
        return new ColumnMeta(name, "double", null, unit, null, null, description);
    }

    /** Completes at the "|" in {@code query}. */
    private static Result at(String query) {
        int caret = query.indexOf('|');
        return AdqlCompletion.complete(query.replace("|", ""), caret, TABLES);
    }

    private static List<String> names(Result r) {
        return r.candidates().stream().map(Candidate::name).toList();
    }

    @Test
    void afterFromTheQualifiedTableNames() {
        Result r = at("SELECT * FROM i|");
        assertEquals(Context.TABLE, r.context());
        assertEquals(List.of("ida.observations", "ida.postcards", "ivoa.obscore"), names(r));
        assertEquals(14, r.start());
        assertEquals("SELECT * FROM ida.postcards",
                     AdqlCompletion.apply("SELECT * FROM i", r, r.candidates().get(1).name()));
        assertEquals("ISO observations", r.candidates().get(0).detail());
        // a second table of a FROM list
        assertEquals(List.of("ivoa.obscore"), names(at("SELECT * FROM ida.observations AS o, iv|")));
    }

    @Test
    void afterJoinTheTables() {
        Result r = at("SELECT * FROM ida.observations o JOIN ida.p|");
        assertEquals(Context.SCHEMA_TABLE, r.context());
        assertEquals(List.of("postcards"), names(r)); // "ida." is typed already
        r = at("SELECT * FROM ida.observations o JOIN |");
        assertEquals(Context.TABLE, r.context());
        assertEquals(3, r.candidates().size());
    }

    @Test
    void afterAnAliasItsTablesColumns() {
        String q = "SELECT o.r| FROM ida.observations AS o JOIN ida.postcards p ON o.tdt = p.tdt";
        Result r = at(q);
        assertEquals(Context.QUALIFIED_COLUMN, r.context());
        assertEquals(List.of("ra_deg"), names(r));
        assertEquals("[deg] Right ascension", r.candidates().get(0).detail());
        assertEquals("SELECT o.ra_deg FROM ida.observations AS o JOIN ida.postcards p ON o.tdt = p.tdt",
                     AdqlCompletion.apply(q.replace("|", ""), r, "ra_deg"));
        assertEquals(List.of("tdt", "postcard_url"), names(at("SELECT p.| FROM ida.observations o, ida.postcards p")));
        // a table's name, qualified or not, qualifies its columns too, with or without a FROM
        assertEquals(List.of("s_ra"), names(at("SELECT ivoa.obscore.s| FROM ivoa.obscore")));
        assertEquals(List.of("postcard_url"), names(at("WHERE postcards.po|")));
    }

    @Test
    void aBareWordTheColumnsOfTheFromTables() {
        Result r = at("SELECT t| FROM ida.observations o JOIN ida.postcards p ON o.tdt = p.tdt");
        assertEquals(Context.COLUMN, r.context());
        assertEquals(List.of("tdt"), names(r)); // once, though both tables have it
        assertEquals(List.of("tdt", "ra_deg", "dec", "aotname", "postcard_url"),
                     names(at("SELECT | FROM ida.observations o JOIN ida.postcards p ON o.tdt = p.tdt")));
        assertEquals(List.of("dec"), names(at("SELECT * FROM ida.observations WHERE d|")));
    }

    @Test
    void noFromTablesEveryColumnThenTheTables() {
        assertEquals(List.of("tdt", "ra_deg", "dec", "aotname", "postcard_url", "obs_id", "s_ra", "ida.observations",
                             "ida.postcards", "ivoa.obscore"), names(at("SELECT |")));
        assertEquals(List.of("obs_id"), names(at("SELECT o| FROM no.such_table")));
    }

    @Test
    void anUnknownPrefixOrQualifierOffersNothing() {
        assertTrue(at("SELECT zz| FROM ida.observations").candidates().isEmpty());
        Result r = at("SELECT x.| FROM ida.observations o");
        assertEquals(Context.UNKNOWN, r.context());
        assertTrue(r.candidates().isEmpty());
        // a decimal point is no qualifier
        assertTrue(at("SELECT * FROM ida.observations WHERE dec > 0.|").candidates().isEmpty());
    }

    @Test
    void caseIsIgnored() {
        assertEquals(List.of("ra_deg"), names(at("select O.RA| from IDA.OBSERVATIONS o")));
        assertEquals(List.of("ida.observations", "ida.postcards"), names(at("select * from ID| WHERE 1=1")));
        assertEquals(List.of("observations"), names(at("select * from IDA.OB|")));
        assertEquals(List.of("aotname"), names(at("SELECT * FROM ida.observations WHERE AOT|")));
    }

    @Test
    void quotedNamesKeepTheirQuotes() {
        String q = "SELECT \"ra| FROM ida.observations";
        Result r = at(q);
        assertEquals(List.of("\"ra_deg\""), names(r));
        assertEquals("SELECT \"ra_deg\" FROM ida.observations", AdqlCompletion.apply(q.replace("|", ""), r,
                                                                                   r.candidates().get(0).name()));
        assertEquals(List.of("\"dec\""), names(at("SELECT o.\"de| FROM ida.observations o")));
    }

    @Test
    void stringsAndCommentsAreNotQuery() {
        // "from" inside a literal does not make a table context; a comment's FROM names no table
        assertEquals(Context.COLUMN, at("SELECT * FROM ida.postcards WHERE tdt = 'from' AND |").context());
        assertEquals(List.of("tdt", "postcard_url"),
                     names(at("SELECT | FROM ida.postcards -- FROM ida.observations\n")));
    }

    @Test
    void theListGoesUnderTheCaretOrOverItAndStaysOnTheScreen() {
        java.awt.Rectangle screen = new java.awt.Rectangle(0, 0, 1280, 900);
        java.awt.Dimension list = new java.awt.Dimension(420, 175);
        // room below: under the caret, at its column
        assertEquals(new java.awt.Point(505, 115),
                     AdqlCompletionPopup.place(list, new java.awt.Rectangle(505, 98, 1, 17), screen));
        // at the bottom right: over the caret, moved left to end at the screen's edge
        assertEquals(new java.awt.Point(860, 580),
                     AdqlCompletionPopup.place(list, new java.awt.Rectangle(959, 755, 1, 17), screen));
        // no room above or below (a tiny screen): on the screen all the same, at its bottom
        assertEquals(new java.awt.Point(0, 25), AdqlCompletionPopup.place(list, new java.awt.Rectangle(10, 90, 1, 17),
                                                                         new java.awt.Rectangle(0, 0, 400, 200)));
    }
}
