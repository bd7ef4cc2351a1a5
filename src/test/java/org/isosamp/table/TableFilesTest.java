package org.isosamp.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.Tables;

/** Table files written from a stream of rows: in place only on commit, nothing left otherwise. */
class TableFilesTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        Logger.getLogger("uk.ac.starlink").setLevel(Level.WARNING);
    }

    static StarTable meta() {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("tdt", Integer.class, "TDT"), new ColumnInfo("target", String.class, "name")});
        t.setParameter(new DescribedValue(new DefaultValueInfo("QUERY_STATUS", String.class), "OK"));
        return t;
    }

    static void feed(TableFiles.Output out, int rows) throws IOException {
        out.acceptMetadata(meta());
        for (int i = 0; i < rows; i++) {
            out.acceptRow(new Object[] {80000000 + i, "M" + i});
        }
        out.endRows();
    }

    List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void csvIsWrittenAsTheRowsComeAndAppearsOnlyOnCommit() throws Exception {
        Path f = dir.resolve("rows.csv");
        try (TableFiles.Output out = TableFiles.open(fresh(f), null)) {
            assertTrue(out.streaming());
            feed(out, 5000);
            assertFalse(Files.exists(f));
            out.commit(List.of());
            assertEquals(5000, out.rows());
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals(5001, lines.size());
        assertEquals("tdt,target", lines.get(0));
        assertEquals("80004999,M4999", lines.get(5000));
        assertEquals(List.of(f), files());
    }

    @Test
    void fitsKeepsTheRowsUntilCommitAndAddsTheTrailingParameters() throws Exception {
        Path f = dir.resolve("rows.fits");
        try (TableFiles.Output out = TableFiles.open(fresh(f), "fits")) {
            assertFalse(out.streaming());
            feed(out, 300);
            out.commit(List.of(new DescribedValue(new DefaultValueInfo("QUERY_STATUS", String.class), "OVERFLOW")));
        }
        StarTable t = Tables.randomTable(new StarTableFactory(false).makeStarTable(f.toString(), "fits-plus"));
        assertEquals(300, t.getRowCount());
        assertEquals("M299", t.getCell(299, 1));
        assertEquals(List.of("OK", "OVERFLOW"), t.getParameters().stream()
            .filter(v -> v.getInfo().getName().equals("QUERY_STATUS")).map(v -> String.valueOf(v.getValue())).toList());
        assertEquals(List.of(f), files());
    }

    @Test
    void closedWithoutCommitLeavesNothing() throws Exception {
        for (String format : List.of("csv", "fits", "ecsv")) {
            try (TableFiles.Output out = TableFiles.open(fresh(dir.resolve("x." + format)), format)) {
                out.acceptMetadata(meta());
                for (int i = 0; i < 3000; i++) {
                    out.acceptRow(new Object[] {i, "row"});
                }
                // the query failed half way: no endRows, no commit
            }
            try (TableFiles.Output out = TableFiles.open(fresh(dir.resolve("y." + format)), format)) {
                feed(out, 10); // every row came, then an error status: no commit
            }
        }
        assertEquals(List.of(), files());
    }

    @Test
    void writerFailureAtCommitLeavesNothing() throws Exception {
        Path f = dir.resolve("x.parquet");
        try (TableFiles.Output out = TableFiles.open(fresh(f), "parquet")) {
            feed(out, 10);
            IOException e = assertThrows(IOException.class, () -> out.commit(List.of()));
            assertTrue(e.getMessage().contains("Parquet"), e.getMessage());
        }
        assertEquals(List.of(), files());
    }

    @Test
    void existingFileIsReplacedOnlyOnCommit() throws Exception {
        Path f = dir.resolve("old.csv");
        Files.writeString(f, "old\n");
        try (TableFiles.Output out = TableFiles.open(OutputTarget.file(f, IfExists.REPLACE), "csv")) {
            feed(out, 2);
            assertEquals("old\n", Files.readString(f));
        }
        assertEquals("old\n", Files.readString(f), "not committed: the old file stays");
        try (TableFiles.Output out = TableFiles.open(OutputTarget.file(f, IfExists.REPLACE), "csv")) {
            feed(out, 2);
            out.commit(List.of());
        }
        assertEquals(3, Files.readAllLines(f).size());
    }

    @Test
    void unknownFormatFailsBeforeAnyFileNamingTheChoices() throws Exception {
        TableFormatException e = assertThrows(TableFormatException.class,
            () -> TableFiles.open(fresh(dir.resolve("x.out")), "nosuchformat"));
        assertTrue(e.getMessage().startsWith("unknown output format \"nosuchformat\" (known: "), e.getMessage());
        assertTrue(e.getMessage().contains("fits"), e.getMessage());
        e = assertThrows(TableFormatException.class, () -> TableFiles.open(fresh(dir.resolve("x.unknownext")), null));
        assertTrue(e.getMessage().startsWith("cannot tell the output format from \"x.unknownext\""), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void commitBeforeTheEndOfTheRowsIsMisuse() throws Exception {
        try (TableFiles.Output out = TableFiles.open(fresh(dir.resolve("x.csv")), "csv")) {
            out.acceptMetadata(meta());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.commit(List.of()));
            assertTrue(e.getMessage().contains("x.csv"), e.getMessage());
        }
        assertEquals(List.of(), files());
    }

    @Test
    void saveWritesAWholeTable() throws Exception {
        RowListStarTable t = (RowListStarTable) meta();
        t.addRow(new Object[] {80000203, "NGC 6543"});
        Path f = dir.resolve("one.ecsv");
        TableFiles.save(t, fresh(f), null);
        assertTrue(Files.readString(f).contains("80000203 \"NGC 6543\""), Files.readString(f));
        assertEquals(List.of(f), files());
    }

    /** @return a target for a new file: an existing one would be refused */
    static OutputTarget fresh(Path file) throws IOException {
        return OutputTarget.file(file, IfExists.REFUSE);
    }
}
