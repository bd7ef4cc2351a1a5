package org.isosamp.local.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queries the translator must refuse with a message naming the problem. Each
 * case also checks that the database is untouched afterwards (nothing ran).
 */
class AdqlRejectTest {

    private TestArchive db;

    @BeforeEach
    void open() throws Exception {
        db = new TestArchive();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private String message(String adql) {
        return assertThrows(AdqlException.class, () -> db.run(adql)).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        DROP TABLE ida.observations                        | Only SELECT queries are allowed (got DROP)
        SELECT 1; DROP TABLE x                             | Only one statement is allowed (got 2)
        INSERT INTO ida.observations (tdt) VALUES ('x')   | Only SELECT queries are allowed (got INSERT)
        DELETE FROM ida.observations                       | Only SELECT queries are allowed (got DELETE)
        UPDATE ida.observations SET revno = 1              | Only SELECT queries are allowed (got UPDATE)
        SET MODE MySQL                                     | Only SELECT queries are allowed (got SET)
        CALL FILE_READ('/etc/passwd')                      | Only SELECT queries are allowed (got CALL)
        CREATE ALIAS x FOR 'java.lang.System.exit'         | Cannot parse query: unexpected "x" at line 1, column 14
        SELECT FILE_READ('/etc/passwd')                    | Unsupported function FILE_READ
        SELECT PUBLIC.FILE_READ('/etc/passwd') FROM ida.observations | Unsupported function PUBLIC.FILE_READ
        SELECT "FILE_READ"('/etc/passwd')                  | Unsupported function "FILE_READ"
        SELECT CSVWRITE('/tmp/x', 'SELECT 1')              | Unsupported function CSVWRITE
        SELECT LINK_SCHEMA('a', 'b', 'c', 'd', 'e', 'f')   | Unsupported function LINK_SCHEMA
        SELECT SLEEP(10)                                   | Unsupported function SLEEP
        SELECT * FROM INFORMATION_SCHEMA.TABLES            | Unknown table "INFORMATION_SCHEMA.TABLES"
        SELECT * FROM information_schema.users             | Unknown table "information_schema.users"
        SELECT CAST(1 AS INT)                              | Unsupported function CAST
        SELECT tdt FROM ida.foo                            | Unknown table "ida.foo"
        SELECT foo FROM ida.observations                   | Unknown column "foo" in ida.observations
        SELECT o.foo FROM ida.observations AS o            | Unknown column "foo" in ida.observations AS o
        SELECT p.tdt FROM ida.observations AS o            | Unknown table "p" in column reference "p.tdt"
        SELECT "_rowid" FROM ida.observations              | Unknown column "_rowid" in ida.observations
        SELECT _rowid FROM ida.observations                | Unknown column "_rowid" in ida.observations
        SELECT "TDT" FROM ida.observations                 | Unknown column "TDT" in ida.observations
        SELECT tdt FROM observations                       | Ambiguous table "observations": qualify it with its schema (ida.observations, ivoa.observations)
        SELECT s_ra FROM ida.observations, ivoa.obscore    | Ambiguous column "s_ra": it is in ida.observations and ivoa.obscore; qualify it
        SELECT tdt FROM ida.observations, ida.observations | Table ida.observations appears twice in FROM: give it an alias
        DUFF QUERY                                         | Cannot parse query: unexpected "DUFF" at line 1, column 1
        SELECT tdt FROM ida.observations WHERE             | Cannot parse query: unexpected "WHERE" at line 1, column 34
        SELECT tdt FROM ida.observations LIMIT 3           | LIMIT and FETCH are not ADQL: use SELECT TOP n
        SELECT $$x$$                                       | Unsupported identifier $$x$$
        SELECT tdt FROM ida.observations UNION SELECT tdt FROM ida.observations | UNION, INTERSECT and EXCEPT are not supported
        WITH x AS (SELECT 1) SELECT * FROM x               | WITH is not supported
        SELECT NEXT VALUE FOR seq                          | Unsupported expression NEXT VALUE FOR seq
        SELECT tdt FROM ida.observations FOR UPDATE        | Locking clauses (FOR UPDATE, ...) are not allowed
        SELECT tdt INTO x FROM ida.observations            | SELECT INTO is not allowed
        SELECT revno % 2 FROM ida.observations             | Operator % is not ADQL: use MOD(x, y)
        SELECT o.tdt FROM ida.observations o FULL OUTER JOIN ivoa.obscore s ON 1 = 1 | FULL OUTER JOIN is not supported
        SELECT x FROM (SELECT tdt FROM ida.observations)   | A sub-query in FROM needs an alias: (SELECT tdt FROM ida.observations) AS name
        SELECT COUNT(*) OVER () FROM ida.observations      | Unsupported expression COUNT(*) OVER ()
        SELECT CIRCLE('ICRS', 1, 2) FROM ida.observations  | CIRCLE needs a centre and a radius (3 numbers) after the frame, got 2 numbers
        SELECT POLYGON('ICRS', 1, 2, 3, 4) FROM ida.observations | POLYGON needs at least 3 vertices (an even number of coordinates, at least 6) after the frame, got 4 numbers
        SELECT SIN(1, 2) FROM ida.observations             | SIN takes 1 argument, not 2
        SELECT ABS(tdt) FROM ida.observations              | Expected a number for ABS, got tdt
        SELECT N'x' FROM ida.observations                  | Unsupported string literal N'x'
        SELECT tdt FROM ida.observations ORDER BY 3        | ORDER BY 3 is out of range: the query selects 1 column
        SELECT TOP 2 PERCENT tdt FROM ida.observations     | Unsupported TOP syntax: TOP 2 PERCENT
        SELECT @x                                          | Unsupported expression @x
        SELECT tdt FROM ida.observations WHERE tdt = ?     | Unsupported expression ?
        SELECT x'1F'                                       | Unsupported expression x'1F'
        """)
    void refused(String adql, String expected) throws Exception {
        assertEquals(expected, message(adql));
        assertEquals(4, db.query("SELECT COUNT(*) FROM \"ida\".\"observations\"").get(1).get(0) instanceof Long l
                        ? l.intValue() : -1);
    }

    @Test
    void emptyQuery() {
        assertEquals("Empty query", message("  "));
    }

    @Test
    void parseMessageDropsTheListOfExpectedTokens() {
        String m = message("SELECT FROM WHERE");
        assertTrue(m.startsWith("Cannot parse query: "), m);
        assertTrue(m.length() < 120 && !m.contains("Was expecting"), m);
    }

    @Test
    void quotesInStringsCannotBreakOut() throws Exception {
        // a backslash is no escape in ADQL (nor in H2): 'x\' is a whole literal, then OR 1=1
        String sql = TestArchive.TRANSLATOR.translate(
            "SELECT tdt FROM ida.observations WHERE target = 'x\\' OR 1=1 --'").sql();
        assertTrue(sql.endsWith("= 'x\\') OR (1 = 1))"), sql);
        assertEquals(5, db.run("SELECT tdt FROM ida.observations WHERE target = 'x\\' OR 1=1 --'").size());
        // a doubled quote stays inside the literal
        assertEquals(List.of(List.of("tdt")),
                     db.run("SELECT tdt FROM ida.observations WHERE tdt = 'x'' OR 1=1 --'"));
    }

    @Test
    void hiddenRowIdColumnIsNotInStar() throws Exception {
        assertTrue(db.run("SELECT * FROM ida.observations").get(0).stream()
                     .noneMatch(l -> String.valueOf(l).startsWith("_")));
    }
}
