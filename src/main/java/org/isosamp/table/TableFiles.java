package org.isosamp.table;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableOutput;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.TableFormatException;

/**
 * Saves tables in any output format STIL knows (votable, csv, fits, ecsv,
 * ascii, text, html, tst, parquet, ...), under exactly the file name given,
 * written to a temporary file beside it and moved into place, so that a
 * failure leaves no partial file. Stateless.
 */
public final class TableFiles {

    private TableFiles() {
    }

    /**
     * @param table  the table
     * @param file   the output file, exactly as named
     * @param format a STIL output format name, or null to choose from the file's extension
     * @throws TableFormatException if the format (or extension) is unknown, naming the choices
     */
    public static void save(StarTable table, Path file, String format) throws IOException {
        StarTableOutput sto = new StarTableOutput();
        StarTableWriter writer;
        try {
            writer = sto.getHandler(format == null || format.isBlank() ? null : format, file.toString());
        } catch (TableFormatException e) {
            throw new TableFormatException((format == null ? "cannot tell the output format from \""
                + file.getFileName() + "\"" : "unknown output format \"" + format + "\"")
                + " (known: " + String.join(", ", sto.getKnownFormats()) + ")", e);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeStarTable(table, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
