package org.isosamp.table;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import uk.ac.starlink.fits.AbstractFitsTableWriter;
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
 * ({@link OutputTarget}), so that a failure, or Ctrl-C, leaves no partial file;
 * or straight into a device, FIFO or standard output. Whether an existing file
 * may be replaced is the {@link OutputTarget}'s choice, made before the rows come.
 *
 * <p>{@link #open} takes a table as a stream of rows (a STIL {@link TableSink}),
 * e.g. straight from a TAP answer being parsed:
 * <pre>{@code
 * OutputTarget file = OutputTarget.file(Path.of("obs.fits"), IfExists.REFUSE);  // an existing file: fails here
 * try (TableFiles.Output out = TableFiles.open(file, "fits")) {                 // unknown format: fails here
 *     QueryResult r = archive.queryToSink(QueryRequest.builder(adql).build(), out);
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

    private static final Logger LOG = Logger.getLogger(TableFiles.class.getName());

    /** Whether this STIL has STIL 4.3's pluggable FITS string encoding, which {@link FitsAscii} extends. */
    private static final boolean STRING_ENCODER = hasStringEncoder();

    private TableFiles() {
    }

    /**
     * Saves a table.
     *
     * @param table  the table
     * @param target where (an existing file is refused or replaced as the target was made to)
     * @param format a STIL output format name, or null to choose from the target's extension
     * @throws TableFormatException if the format (or extension) is unknown, naming the choices
     */
    public static void save(StarTable table, OutputTarget target, String format) throws IOException {
        save(table, target, fastFitsStrings(writer(target.name(), format)));
    }

    private static void save(StarTable table, OutputTarget target, StarTableWriter writer) throws IOException {
        try (OutputTarget.Writing w = target.open()) {
            try (OutputStream out = open(w)) {
                writer.writeStarTable(table, out);
            }
            w.commit();
        }
    }

    /**
     * Starts a table output that takes its rows as they come.
     *
     * @param target where the table goes (a file appears only at {@link Output#commit}); an existing file was
     *               already refused, or accepted, when the target was made
     * @param format a STIL output format name, or null to choose from the target's extension
     * @throws TableFormatException if the format (or extension) is unknown, naming the choices
     * @throws IOException          naming the target, if its folder cannot be written
     */
    public static Output open(OutputTarget target, String format) throws IOException {
        StarTableWriter writer = fastFitsStrings(writer(target.name(), format));
        return new Output(target.name(), writer, target.open(), writer instanceof CsvTableWriter);
    }

    /**
     * {@link FitsAscii#install}, where STIL has what it needs: STIL 4.3's pluggable string encoder
     * ({@code uk.ac.starlink.fits.StringEncoder}, {@code AbstractFitsTableWriter.get/setUnicodeHandler}). Inside
     * TOPCAT 4.8.7 (STIL 4.1.3) there is none, and {@link FitsAscii} would not even load
     * ({@link NoClassDefFoundError}); there the FITS writer gets its strings through {@link AsciiCells}, which
     * gives it the same ASCII text. The only place that may name {@link FitsAscii} ({@code PluginJarCheck}'s
     * allow-list says so, and checks it): the JVM loads {@link FitsAscii} when code naming it first runs, so every
     * use must sit behind this check.
     */
    static StarTableWriter fastFitsStrings(StarTableWriter writer) {
        if (!(writer instanceof AbstractFitsTableWriter)) {
            return writer;
        }
        return STRING_ENCODER ? FitsAscii.install(writer) : AsciiCells.writer(writer);
    }

    private static boolean hasStringEncoder() {
        try {
            Class<?> encoder = Class.forName("uk.ac.starlink.fits.StringEncoder", false,
                                             AbstractFitsTableWriter.class.getClassLoader());
            AbstractFitsTableWriter.class.getMethod("getUnicodeHandler");
            AbstractFitsTableWriter.class.getMethod("setUnicodeHandler", encoder);
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.fine(() -> "STIL without a FITS string encoder (before 4.3): FITS strings squashed to ASCII first ("
                           + e + ")");
            return false;
        }
    }

    /**
     * Checks a format before anything else happens.
     *
     * @param format a STIL output format name, or null to choose from {@code name}'s extension
     * @param name   the output's name, for its extension
     * @return the STIL format name
     * @throws TableFormatException naming the known formats, if the format (or extension) is unknown
     */
    public static String formatName(String format, String name) throws TableFormatException {
        return writer(name, format).getFormatName();
    }

    /**
     * @return the STIL writer for a format name, or for the file's extension when the format is null or blank
     * @throws TableFormatException naming the known formats
     */
    static StarTableWriter writer(Path file, String format) throws TableFormatException {
        return writer(file.toString(), format);
    }

    private static StarTableWriter writer(String file, String format) throws TableFormatException {
        StarTableOutput sto = new StarTableOutput();
        boolean byName = format == null || format.isBlank();
        try {
            return sto.getHandler(byName ? null : format.trim(), file);
        } catch (TableFormatException e) {
            throw new TableFormatException((byName ? "cannot tell the output format from \""
                + Path.of(file).getFileName() + "\"" : "unknown output format \"" + format + "\"")
                + " (known: " + String.join(", ", sto.getKnownFormats()) + ")", e);
        }
    }

    private static OutputStream open(OutputTarget.Writing w) throws IOException {
        return new BufferedOutputStream(w.newOutputStream(), 1 << 16);
    }

    /**
     * A table file being written: a {@link TableSink} for the metadata and rows, then
     * {@link #commit} to put the file in place, or {@link #close} without commit to drop
     * it (a failure at any point leaves no file under the given name). One producer thread;
     * the sink methods may be called from any one thread at a time.
     */
    public static final class Output implements TableSink, AutoCloseable {
        private final String file;
        private final StarTableWriter writer;
        private final OutputTarget.Writing part;
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

        Output(String file, StarTableWriter writer, OutputTarget.Writing part, boolean streaming) {
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
                try {
                    pipe.acceptRow(row);
                } catch (IOException e) {
                    throw writersFailure(e);
                }
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
         * The pipe says only that its reader has gone ("Stream closed at reading end"); why it went is the writer
         * thread's failure ("standard output: Broken pipe", "x.csv: No space left on device"), set as it ends.
         */
        private IOException writersFailure(IOException pipeFailure) throws InterruptedIOException {
            join();
            return writeFailure instanceof IOException io ? io : pipeFailure;
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
