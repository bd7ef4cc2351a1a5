package org.isosamp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code columns}: the names, and with {@code --full} an aligned table under titles. */
class ColumnsCommandTest {

    @Test
    void fullIsAnAlignedTableWithTitles() {
        CliRun r = CliRun.run("columns", "ida.observations", "--full");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        String header = lines.get(0);
        assertTrue(header.matches("name +datatype +unit +ucd +description"), header);
        assertTrue(lines.get(1).matches("-+ -+ -+ -+ -+"), lines.get(1));
        String raDeg = lines.stream().filter(l -> l.startsWith("ra_deg ")).findFirst().orElseThrow();
        // each value starts under its title; an empty cell leaves its place blank, no tabs
        assertEquals(header.indexOf("datatype"), raDeg.indexOf("double"), raDeg);
        assertEquals(header.indexOf("unit"), raDeg.indexOf("deg", "ra_deg".length()), raDeg);
        assertTrue(lines.stream().noneMatch(l -> l.contains("\t")), r.out());
        assertEquals(45, lines.size() - 2, "one row per column of ida.observations");
    }

    @Test
    void withoutFullOnlyTheNames() {
        CliRun r = CliRun.run("columns", "ida.observations");
        assertEquals("aotname", r.lines().get(0));
        assertEquals(45, r.lines().size());
    }
}
