package org.isosamp.table;

import java.nio.file.Path;
import java.util.List;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Run in a child JVM whose class path has Debian's STIL 4.1.3 first ({@code TableFilesOnStil41Test}), as inside
 * TOPCAT 4.8.7: saves a small table as FITS both ways iso-samp does, {@link TableFiles#save} (a table in hand) and
 * {@link TableFiles#open} with {@code commit} (what {@code query --output-format fits} and the plug-in's saves run).
 * Prints where STIL came from, then {@code saved}; a failure ends it with the stack trace and exit 1.
 */
public final class FitsSaveProbe {

    /** The rows written: TDT, target, RA in degrees. */
    static final Object[][] ROWS = {
        {80000203, "M31", 10.684708},
        {80000204, "NGC 224 core", 10.685},
        {80000205, "caf\u00e9 \u2605", 10.7},
    };

    private FitsSaveProbe() {
    }

    static StarTable table() {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("tdt", Integer.class, "TDT"), new ColumnInfo("target", String.class, "target name"),
            new ColumnInfo("ra_deg", Double.class, "RA")});
        for (Object[] row : ROWS) {
            t.addRow(row);
        }
        return t;
    }

    /**
     * @param args the folder to write {@code save.fits} and {@code stream.fits} into
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        System.out.println("stil " + StarTable.class.getProtectionDomain().getCodeSource().getLocation());
        TableFiles.save(table(), OutputTarget.file(dir.resolve("save.fits"), IfExists.REFUSE), "fits");
        try (TableFiles.Output out = TableFiles.open(OutputTarget.file(dir.resolve("stream.fits"), IfExists.REFUSE),
                                                     "fits")) {
            StarTable t = table();
            out.acceptMetadata(t);
            try (RowSequence rows = t.getRowSequence()) {
                while (rows.next()) {
                    out.acceptRow(rows.getRow());
                }
            }
            out.endRows();
            out.commit(List.of());
        }
        System.out.println("saved");
    }
}
