package org.isosamp.table;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.isosamp.io.PartFile;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.OnceRowPipe;
import uk.ac.starlink.table.RowStore;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableOutput;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.table.formats.CsvTableWriter;

/**
 * Saves tables in any output format STIL knows (votable, csv, fits, ecsv,
 * ascii, text, html, tst, ...), under exactly the file name given, written to
 * a hidden {@code .<name>.<random>.part} file beside it and moved into place
 * ({@link PartFile}), so that a failure, or Ctrl-C, leaves no partial file.
 *
 * <p>{@link #open} takes a table as a stream of rows (a STIL {@link TableSink}),
 * e.g. straight from a TAP answer being parsed:
 * <pre>{@code
 * try (TableFiles.Output out = TableFiles.open(Path.of("obs.fits"), "fits")) {  // unknown format: fails here
 *     QueryResult r = archive.queryToSink(adql, 100_000, false, null, out);
 *     out.commit(r.trailingParameters());                                      // only now obs.fits exists
 * }                                                                            // not committed: nothing left
 * }</pre>
 * A writer that needs one pass and shows no table parameters (CSV) writes the
 * rows as they come, on a thread of its own; the others (FITS needs the row
 * count and string widths first; ECSV, VOTable, IPAC, TST, ... show parameters
 * in a header that may still change after the rows, as TAP's trailing
 * {@code QUERY_STATUS=OVERFLOW} does) get the rows kept in memory as they are
 * (up to {@value SpillingRowStore#DEFAULT_LIMIT} rows, then in STIL's
 * {@link StoragePolicy#ADAPTIVE} storage: compact bytes, then a temporary file)
 * and write them at {@link Output#commit}. Stateless; an {@link Output} is used
 * by one producer thread.
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
        StarTableWriter writer = FitsAscii.install(writer(file, format));
        try (PartFile part = PartFile.beside(file)) {
            try (OutputStream out = open(part)) {
                writer.writeStarTable(table, out);
            }
            part.commit();
        }
    }

    /**
     * Starts a table file that takes its rows as they come.
     *
     * @param file   the output file, exactly as named; it appears only at {@link Output#commit}
     * @param format a STIL output format name, or null to choose from the file's extension
     * @throws TableFormatException if the format (or extension) is unknown, naming the choices
     * @throws IOException          if the file's folder cannot be written
     */
    public static Output open(Path file, String format) throws IOException {
        StarTableWriter writer = FitsAscii.install(writer(file, format));
        return new Output(file, writer, PartFile.beside(file), writer instanceof CsvTableWriter);
    }

    /**
     * @return the STIL writer for a format name, or for the file's extension when the format is null or blank
     * @throws TableFormatException naming the known formats
     */
    static StarTableWriter writer(Path file, String format) throws TableFormatException {
        StarTableOutput sto = new StarTableOutput();
        boolean byName = format == null || format.isBlank();
        try {
            return sto.getHandler(byName ? null : format.trim(), file.toString());
        } catch (TableFormatException e) {
            throw new TableFormatException((byName ? "cannot tell the output format from \""
                + file.getFileName() + "\"" : "unknown output format \"" + format + "\"")
                + " (known: " + String.join(", ", sto.getKnownFormats()) + ")", e);
        }
    }

    private static OutputStream open(PartFile part) throws IOException {
        return new BufferedOutputStream(part.newOutputStream(), 1 << 16);
    }

    /**
     * A table file being written: a {@link TableSink} for the metadata and rows, then
     * {@link #commit} to put the file in place, or {@link #close} without commit to drop
     * it (a failure at any point leaves no file under the given name). One producer thread;
     * the sink methods may be called from any one thread at a time.
     */
    public static final class Output implements TableSink, AutoCloseable {
        private final Path file;
        private final StarTableWriter writer;
        private final PartFile part;
        private final boolean streaming;
        private long rows;
        private boolean ended;
        private boolean done;
        // streaming: the rows go through a pipe to a writer thread
        private OnceRowPipe pipe;
        private Thread thread;
        private volatile Throwable writeFailure;
        // otherwise: kept until commit
        private RowStore store;

        Output(Path file, StarTableWriter writer, PartFile part, boolean streaming) {
            this.file = file;
            this.writer = writer;
            this.part = part;
            this.streaming = streaming;
        }

        /** @return true when the rows are written as they come, false when they are kept until {@link #commit} */
        public boolean streaming() {
            return streaming;
        }

        /** @return the STIL format name of the writer */
        public String format() {
            return writer.getFormatName();
        }

        /** @return the rows accepted so far */
        public long rows() {
            return rows;
        }

        @Override
        public void acceptMetadata(StarTable meta) throws TableFormatException {
            if (pipe != null || store != null || done) {
                throw new IllegalStateException("metadata already accepted for " + file);
            }
            if (!streaming) {
                store = new SpillingRowStore(SpillingRowStore.DEFAULT_LIMIT);
                store.acceptMetadata(meta);
                return;
            }
            pipe = new OnceRowPipe();
            pipe.acceptMetadata(meta);
            thread = new Thread(this::write, "iso-samp table writer");
            thread.setDaemon(true);
            thread.start();
        }

        private void write() {
            try (OutputStream out = open(part)) {
                writer.writeStarTable(pipe.waitForStarTable(), out);
            } catch (Throwable t) {
                writeFailure = t;
                pipe.setError(t instanceof IOException io ? io : new IOException(t));
            }
        }

        @Override
        public void acceptRow(Object[] row) throws IOException {
            if (ended || done) {
                throw new IllegalStateException("rows already ended for " + file);
            }
            if (store != null) {
                store.acceptRow(row);
            } else if (pipe != null) {
                pipe.acceptRow(row);
            } else {
                throw new IllegalStateException("acceptRow before acceptMetadata for " + file);
            }
            rows++;
        }

        @Override
        public void endRows() throws IOException {
            if (pipe == null && store == null) {
                throw new IllegalStateException("endRows before acceptMetadata for " + file);
            }
            ended = true;
            if (store != null) {
                store.endRows();
            } else {
                pipe.endRows();
            }
        }

        /**
         * Finishes the file and moves it into place under its name.
         *
         * @param extraParameters parameters to add to the table's own, for the formats that show them
         *                        (known only after the rows: TAP's trailing INFOs); ignored when streaming,
         *                        whose formats show none
         * @throws IOException when writing failed (the file is then not created)
         */
        public void commit(List<DescribedValue> extraParameters) throws IOException {
            Objects.requireNonNull(extraParameters, "extraParameters");
            if (done) {
                throw new IllegalStateException(file + " already committed or closed");
            }
            if (pipe == null && store == null) {
                throw new IllegalStateException("commit without a table for " + file + " (acceptMetadata never came)");
            }
            if (!ended) {
                throw new IllegalStateException("commit before endRows for " + file);
            }
            if (store != null) {
                try (OutputStream out = open(part)) {
                    writer.writeStarTable(TableParameters.appended(store.getStarTable(), extraParameters), out);
                }
            } else {
                join();
                if (writeFailure != null) {
                    Throwable t = writeFailure;
                    throw t instanceof IOException io ? io : new IOException("writing " + file + " failed: " + t, t);
                }
            }
            part.commit();
            done = true;
        }

        private void join() throws InterruptedIOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing " + file);
            }
        }

        /** Drops the file unless committed: stops the writer, deletes the partial file. */
        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            store = null;
            try {
                if (thread != null) {
                    pipe.setError(new IOException("table output to " + file + " abandoned"));
                    pipe.endRows(); // OnceRowPipe.next() waits for a row even after setError: wake it

                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            } finally {
                part.close();
            }
        }
    }
}
