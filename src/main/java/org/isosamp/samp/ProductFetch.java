package org.isosamp.samp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;
import org.astrogrid.samp.Response;
import org.isosamp.archive.IsoArchive;
import org.isosamp.io.IfExists;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;
import org.isosamp.products.FitsProduct;
import org.isosamp.products.ProductFormatException;
import org.isosamp.products.ProductInspector;
import org.isosamp.products.ProductKind;
import org.isosamp.products.SpectrumTables;
import org.isosamp.products.TarFiles;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableSequence;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.util.DataSource;

/**
 * One observation's product fetched for a face that acts on a table row (TOPCAT's activation action "ISO product";
 * a window's "get product" button): downloaded into a folder, then, as the user chose, kept there
 * ({@link Then#SAVE}), made ready to load as tables ({@link Then#LOAD}: the tables are found by reading the files,
 * {@link #readTables} reads them), sent over SAMP ({@link Then#SEND}: spectra to SPLAT, images to Aladin, through
 * {@link ProductSender}), or its postcard fetched to be shown ({@link Then#POSTCARD}).
 *
 * <pre>{@code
 * ProductFetch fetch = new ProductFetch(archive, () -> sender, Duration.ofSeconds(30));
 * ProductFetch.Fetched f = fetch.fetch("58002102",
 *     new ProductFetch.Request(RetrievalType.STANDALONE, null, ProductFetch.Then.LOAD, folder));
 * for (StarTable t : ProductFetch.readTables(f.tables(), new StarTableFactory(true))) { ... }
 * }</pre>
 *
 * A row's product is fetched again on each activation, and replaces the file of the same name in the folder
 * (atomically: a reader never sees half a file); an OBSERVATION tar is unpacked for loading into
 * {@code <folder>/<tar name without .tar>/}. Nothing here prints or shows anything: a face reports
 * {@link Fetched#summary()} or the exception's message (each names the TDT or the file, and the reason).
 *
 * <p>Thread-safe: every fetch is independent (two fetches of the same TDT into the same folder race for the same
 * file name, and the last one's file stays).
 */
public final class ProductFetch {

    private static final Logger LOG = Logger.getLogger(ProductFetch.class.getName());

    /** What to do with the product once it is in the folder. */
    public enum Then {
        /** Nothing more: the product is saved in the folder. */
        SAVE("save only"),
        /** Find the tables to load (spectra and FITS tables; in a tar, every such file inside it). */
        LOAD("load tables"),
        /** Send it over SAMP: a spectrum to SPLAT, an image to Aladin, a FITS table to table viewers. */
        SEND("send over SAMP"),
        /** Fetch the observation's postcard (a PNG preview) instead of a product, to be shown. */
        POSTCARD("show postcard");

        private final String label;

        Then(String label) {
            this.label = label;
        }

        /** @return a few words for a face's menu */
        public String label() {
            return label;
        }
    }

    /**
     * What to fetch and what then.
     *
     * @param type STANDALONE or OBSERVATION (ignored by {@link Then#POSTCARD})
     * @param level the OBSERVATION tar's product level (null: {@link ProductLevel#DEFAULT_DATA_SET}); ignored for
     *        STANDALONE
     * @param then what to do with it
     * @param folder where files are saved (created if missing)
     */
    public record Request(RetrievalType type, ProductLevel level, Then then, Path folder) {

        /**
         * @throws IllegalArgumentException when the type is POSTCARD (choose {@link Then#POSTCARD}) or a tar is to
         *         be sent ({@link #problem()})
         */
        public Request {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(folder, "folder");
            if (type == RetrievalType.OBSERVATION && level == null) {
                level = ProductLevel.DEFAULT_DATA_SET;
            }
            if (type != RetrievalType.OBSERVATION) {
                level = null;
            }
            String p = problem(type, then);
            if (p != null) {
                throw new IllegalArgumentException(p);
            }
        }

        /**
         * @param type the retrieval type chosen
         * @param then what then
         * @return why this combination cannot be fetched, in one line for a face to show beside its choices, or
         *         null when it can
         */
        public static String problem(RetrievalType type, Then then) {
            if (type == RetrievalType.POSTCARD) {
                return "retrieval type POSTCARD: choose \"" + Then.POSTCARD.label() + "\" instead";
            }
            if (type == RetrievalType.OBSERVATION && then == Then.SEND) {
                return "an OBSERVATION tar cannot be sent over SAMP: choose STANDALONE to send";
            }
            return null;
        }
    }

    /**
     * A fetched product.
     *
     * @param tdt the observation
     * @param file the file saved in the folder (the product, the tar, or the postcard)
     * @param tables for {@link Then#LOAD}: the FITS files whose tables are to be loaded (the product itself, the
     *        one-table copy of a segmented spectrum, or the loadable files unpacked from a tar); else empty
     * @param sent for {@link Then#SEND}: what was sent and who loaded it; else null
     */
    public record Fetched(String tdt, Path file, List<Path> tables, ProductSender.Sent sent) {

        public Fetched {
            tables = List.copyOf(tables);
        }

        /** @return one line saying what happened, e.g. {@code 58002102: 58002102.fits sent to SPLAT} */
        public String summary() {
            String name = file.getFileName().toString();
            if (sent != null) {
                List<String> loaded = new ArrayList<>();
                sent.delivery().recipients().forEach(p -> {
                    Response r = sent.delivery().replies().get(p);
                    if (r != null && (r.isOK() || Response.WARNING_STATUS.equals(r.getStatus()))) {
                        loaded.add(p.name());
                    }
                });
                return tdt + ": " + name + " (" + sent.product().kind().name().toLowerCase(Locale.ROOT) + ") sent to "
                       + String.join(", ", loaded);
            }
            if (!tables.isEmpty()) {
                return tdt + ": " + tables.size() + " table file" + (tables.size() == 1 ? "" : "s") + " from " + name;
            }
            return tdt + ": saved " + file;
        }
    }

    /** Gives the SAMP sender when a product is to be sent (e.g. registering with the hub on first use). */
    @FunctionalInterface
    public interface Senders {
        /**
         * @return a sender on a connected client
         * @throws IOException when there is no hub or the client cannot register
         */
        ProductSender sender() throws IOException;
    }

    private final IsoArchive archive;
    private final Senders senders;
    private final Duration sendTimeout;

    /**
     * @param archive where products come from
     * @param senders gives the SAMP sender, asked only for {@link Then#SEND}
     * @param sendTimeout how long the sender's receivers have to reply (named in a failure)
     */
    public ProductFetch(IsoArchive archive, Senders senders, Duration sendTimeout) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.senders = Objects.requireNonNull(senders, "senders");
        this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
    }

    /**
     * Fetches one observation's product and does what the request says.
     *
     * @param tdt the observation's TDT (as {@link #tdt(Object)} gives it)
     * @param request what and what then
     * @return what was fetched
     * @throws IOException naming the TDT or file: the archive's refusal or a network failure, a product that holds
     *         no table to load or cannot be sent ({@link ProductFormatException}), no hub or no receiver that
     *         loaded it ({@link org.astrogrid.samp.client.SampException}); {@link java.io.InterruptedIOException}
     *         when the thread is interrupted
     */
    public Fetched fetch(String tdt, Request request) throws IOException {
        Path folder = request.folder();
        if (request.then() == Then.POSTCARD) {
            Path png = archive.postcard(tdt, folder, null, IfExists.REPLACE, null);
            return new Fetched(tdt, png, List.of(), null);
        }
        Path file = archive.download(tdt, request.type(), request.level(), folder, null, IfExists.REPLACE, null);
        LOG.fine(() -> "fetched " + request.type() + " " + tdt + " into " + file);
        switch (request.then()) {
        case LOAD:
            return new Fetched(tdt, file, request.type() == RetrievalType.OBSERVATION ? tarTables(file)
                : List.of(loadable(ProductInspector.inspect(file), true)), null);
        case SEND:
            ProductSender.Sent sent = senders.sender().sendFile(file, null);
            sent.delivery().requireLoaded(file.getFileName().toString(), sendTimeout);
            return new Fetched(tdt, file, List.of(), sent);
        case SAVE:
        default:
            return new Fetched(tdt, file, List.of(), null);
        }
    }

    /** The loadable files in a tar, unpacked beside it. */
    private static List<Path> tarTables(Path tar) throws IOException {
        String name = tar.getFileName().toString();
        Path dir = tar.resolveSibling(name.replaceFirst("(?i)\\.tar$", "") + (name.matches("(?i).*\\.tar") ? ""
            : "-files"));
        List<Path> out = new ArrayList<>();
        for (Path f : TarFiles.extract(tar, dir, IfExists.REPLACE)) {
            if (!f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.fits?")) {
                continue;
            }
            try {
                Path p = loadable(ProductInspector.inspect(f), false);
                if (p != null) {
                    out.add(p);
                }
            } catch (ProductFormatException e) {
                LOG.fine(() -> "not loaded from " + tar + ": " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            throw new ProductFormatException(tar, tar.getFileName() + " holds no FITS table or tabular spectrum to "
                + "load (unpacked in " + dir + ")");
        }
        return out;
    }

    /**
     * The file to load for a product: itself, or the one-table copy of a segmented spectrum (written beside it).
     *
     * @param alone true if this is the only product (an image is refused with the reason), false for one file of
     *        a tar (an image is skipped: null)
     */
    private static Path loadable(FitsProduct p, boolean alone) throws IOException {
        Path file = p.file();
        if (p.kind() == ProductKind.IMAGE || (p.spectrum() != null && p.spectrum().image())) {
            if (!alone) {
                return null;
            }
            throw new ProductFormatException(file, file.getFileName() + " is an image (" + p.found()
                + "), not a table: choose \"" + Then.SEND.label() + "\" to show it in Aladin or SPLAT");
        }
        if (p.spectrum() != null && !p.spectrum().readableAsIs()) {
            String stem = file.getFileName().toString().replaceFirst("(?i)\\.fits?$", "");
            Path merged = file.resolveSibling(stem + "-spectrum.fits");
            SpectrumTables.merge(p, merged);
            return merged;
        }
        return file;
    }

    /**
     * Reads every table of the given FITS files, each named after its file (and its place in it, for the second
     * and later), in memory or mapped as the factory does: random access, as a viewer needs.
     *
     * @param files FITS files ({@link Fetched#tables()})
     * @param factory the factory to read with (a host's own, e.g. TOPCAT's)
     * @return the tables, in file order
     * @throws IOException naming the file when one cannot be read
     */
    public static List<StarTable> readTables(List<Path> files, StarTableFactory factory) throws IOException {
        List<StarTable> out = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            try {
                TableSequence seq = factory.makeStarTables(DataSource.makeDataSource(f.toString()), "fits");
                int n = 0;
                for (StarTable t; (t = seq.nextTable()) != null; ) {
                    StarTable r = Tables.randomTable(t);
                    r.setName(n == 0 ? name : name + " #" + (n + 1));
                    out.add(r);
                    n++;
                }
            } catch (IOException e) {
                throw new ProductFormatException(f, "cannot read the tables of " + f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The TDT in a table cell: {@code ida.observations.tdt} (a number or digits) or the IVOA tables' {@code obs_id}
     * (the TDT in 8 digits); a number is written with 8 digits, as the archive writes TDTs.
     *
     * @param cell the cell's value
     * @return the TDT, digits only
     * @throws IllegalArgumentException naming the value when it is empty or not a TDT
     */
    public static String tdt(Object cell) {
        if (cell instanceof Number n && !(cell instanceof Double) && !(cell instanceof Float)) {
            long v = n.longValue();
            if (v <= 0) {
                throw new IllegalArgumentException("\"" + cell + "\" is not a TDT (a positive number)");
            }
            return String.format(Locale.ROOT, "%08d", v);
        }
        String s = cell == null ? "" : cell.toString().trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no TDT in this row (the cell is empty)");
        }
        if (!s.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("\"" + s + "\" is not a TDT (digits only)");
        }
        return s.length() < 8 ? "0".repeat(8 - s.length()) + s : s;
    }

    /**
     * @param folder a folder
     * @return true if it is a folder that exists or could be created (its nearest existing parent is a folder)
     */
    public static boolean usableFolder(Path folder) {
        Path p = folder.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && Files.isDirectory(p);
    }
}
