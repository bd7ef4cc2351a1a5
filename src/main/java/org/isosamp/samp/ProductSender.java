package org.isosamp.samp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.astrogrid.samp.Message;
import org.isosamp.archive.IsoArchive;
import org.isosamp.model.RetrievalType;
import org.isosamp.products.FitsProduct;
import org.isosamp.products.ProductInspector;
import org.isosamp.products.ProductKind;
import org.isosamp.products.SingleImageFits;
import org.isosamp.products.SpectrumTables;

/**
 * Sends STANDALONE products to other VO tools: downloads one by TDT into a session folder (the archive's cache
 * serves a repeat), finds out what it is by reading it ({@link ProductInspector}; the archive names every product
 * {@code <tdt>.fits}), serves it on loopback and calls every client that takes its MType, or one chosen by name or
 * id, waiting for the replies:
 * <ul>
 * <li>spectra: {@code spectrum.load.ssa-generic} with the SSA {@code meta} SPLAT reads ({@link #spectrumMeta});
 * ISO's spectra of several ASCII table segments are served as one sorted binary table
 * ({@link SpectrumTables#merge}), since SPLAT would read only the first segment;</li>
 * <li>images: {@code image.load.fits}; the image is served alone, as a single-HDU file without an {@code EXTEND}
 * card ({@link SingleImageFits}: Aladin shows an image with that card, or with other HDUs around it, but never
 * replies); a file that is already so is served as it is;</li>
 * <li>FITS tables: {@code table.load.fits} (recorded in {@link SentTables} for row messages).</li>
 * </ul>
 * Each send has a fresh id ({@code spectrum-id}, {@code image-id}, {@code table-id}). A tar, a PNG or other
 * non-FITS file is refused with a {@link org.isosamp.products.ProductFormatException} naming the file and what it
 * is; a product nobody takes, with a {@link org.astrogrid.samp.client.SampException} naming the MType and the
 * clients on the hub. At most {@code maxProducts} sends stay served; {@link #close()} removes everything.
 *
 * <p>Thread-safe.
 */
public final class ProductSender implements AutoCloseable {

    /** The default number of sends kept served. */
    public static final int DEFAULT_MAX_PRODUCTS = 100;
    /** The MIME type SPLAT takes for FITS spectra (never {@code application/octet-stream}: SPLAT refuses it). */
    public static final String FITS_MIME = "application/fits";

    private static final Logger LOG = Logger.getLogger(ProductSender.class.getName());

    private final SampClient client;
    private volatile IsoArchive archive;
    private final SentTables sent;
    private final Duration timeout;
    private final SessionFiles files;

    /**
     * @param client the connected SAMP client
     * @param server where products are served (stays the caller's to close)
     * @param archive where products come from; null until {@link #setArchive} (a send then fails, saying so)
     * @param sent where FITS tables sent are recorded
     * @param timeout how long each receiver has to reply, positive
     * @param maxProducts how many sends stay served, at least 1
     */
    public ProductSender(SampClient client, ProductServer server, IsoArchive archive, SentTables sent,
                         Duration timeout, int maxProducts) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
        }
        this.client = client;
        this.archive = archive;
        this.sent = sent;
        this.timeout = timeout;
        this.files = new SessionFiles(server, "iso-samp-products-", maxProducts);
    }

    /** @param a where products sent from now on come from */
    public void setArchive(IsoArchive a) {
        this.archive = a;
    }

    /**
     * A product sent.
     *
     * @param product what it is (the downloaded file)
     * @param mtype the MType it went as
     * @param id its fresh {@code spectrum-id}, {@code image-id} or {@code table-id}
     * @param url where it is served
     * @param served the file behind the URL (the product itself, the one-table copy of a spectrum, or the
     *        single-HDU copy of an image without an {@code EXTEND} card)
     * @param delivery who was called and what each replied
     */
    public record Sent(FitsProduct product, String mtype, String id, URL url, Path served, Delivery delivery) {
    }

    /**
     * Downloads a STANDALONE product and sends it.
     *
     * @param tdt the observation
     * @param nameOrId one client by id or name, or null for every client that takes the product's MType
     * @return what was sent and the replies
     * @throws IOException if the download fails, the product is not FITS or holds nothing to show
     *         ({@link org.isosamp.products.ProductFormatException}), or nobody takes it
     */
    public Sent send(String tdt, String nameOrId) throws IOException {
        return send(tdt, nameOrId, null);
    }

    /**
     * Downloads a STANDALONE product and sends it if it is of the kind expected.
     *
     * @param tdt the observation
     * @param nameOrId one client by id or name, or null for every client that takes the product's MType
     * @param expected the kind it must be (null for any)
     * @return what was sent and the replies
     * @throws IOException as {@link #send(String, String)}, and a
     *         {@link org.isosamp.products.ProductFormatException} naming the file and what it is when it is not of
     *         the kind expected (nothing is sent)
     */
    public Sent send(String tdt, String nameOrId, ProductKind expected) throws IOException {
        if (tdt == null || tdt.isBlank()) {
            throw new IllegalArgumentException("no TDT given");
        }
        files.checkOpen();
        if (!client.isConnected()) {
            throw new org.astrogrid.samp.client.SampException("not connected to a SAMP hub");
        }
        SessionFiles.Send send = files.begin();
        try {
            IsoArchive a = archive;
            if (a == null) {
                throw new IOException("no archive chosen to download " + tdt.trim() + " from");
            }
            Path file = a.download(tdt.trim(), RetrievalType.STANDALONE, null, send.folder(), null, null);
            return sendIn(send, file, nameOrId, expected);
        } catch (IOException | RuntimeException e) {
            send.discard();
            throw e;
        }
    }

    /**
     * Sends a product already on disk (it is served from where it is, and left there).
     *
     * @param file the product
     * @param nameOrId one client by id or name, or null for every client that takes the product's MType
     * @return what was sent and the replies
     * @throws IOException as {@link #send}
     */
    public Sent sendFile(Path file, String nameOrId) throws IOException {
        SessionFiles.Send send = files.begin();
        try {
            return sendIn(send, file, nameOrId, null);
        } catch (IOException | RuntimeException e) {
            send.discard();
            throw e;
        }
    }

    private Sent sendIn(SessionFiles.Send send, Path file, String nameOrId, ProductKind expected) throws IOException {
        FitsProduct p = ProductInspector.inspect(file);
        if (expected != null && p.kind() != expected) {
            throw new org.isosamp.products.ProductFormatException(file, file.getFileName() + " is not a "
                + expected.name().toLowerCase(Locale.ROOT) + " but " + p.found());
        }
        String mtype = p.kind().mtype();
        String what = file.getFileName() + " (" + p.kind().name().toLowerCase(Locale.ROOT) + ")";
        List<SampPeer> to = Recipients.choose(client, nameOrId, List.of(mtype), what);
        Path served = file;
        String name = file.getFileName().toString();
        String stem = name.replaceFirst("(?i)\\.fits?$", "");
        if (p.spectrum() != null && !p.spectrum().readableAsIs()) {
            served = send.folder().resolve(stem + "-spectrum.fits");
            SpectrumTables.merge(p, served);
            name = served.getFileName().toString();
        } else if (p.kind() == ProductKind.IMAGE) {
            // Aladin never answers for an image with an EXTEND card or other HDUs (it waits for extensions): serve
            // the image alone, under the product's own name
            Path single = send.folder().resolve(stem + "-served.fits");
            if (SingleImageFits.copy(file, p.hdu(), single)) {
                served = single;
            }
        }
        String id = TableSender.freshId();
        URL url = send.serve(served, name, FITS_MIME);
        Message msg = new Message(mtype).addParam("url", url.toString()).addParam("name", p.title());
        switch (p.kind()) {
        case SPECTRUM:
            msg.addParam("spectrum-id", id).addParam("meta", spectrumMeta(p, url));
            break;
        case IMAGE:
            msg.addParam("image-id", id);
            break;
        case TABLE:
        default:
            msg.addParam("table-id", id);
            sent.add(new SentTable(id, url, p.title(), served, p.rows()));
            send.onExpire(() -> sent.remove(id));
            break;
        }
        LOG.fine(() -> "sending " + p.found() + " from " + file + " as " + mtype + " to " + Recipients.names(to));
        Map<SampPeer, Message> messages = new LinkedHashMap<>();
        to.forEach(peer -> messages.put(peer, msg));
        try {
            return new Sent(p, mtype, id, url, served, Recipients.callEach(client, messages, timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for SAMP replies");
        }
    }

    /**
     * The {@code meta} of {@code spectrum.load.ssa-generic} for a spectrum, with the keys SPLAT reads (its own
     * sender writes the same): {@code Access.Reference}, {@code Access.Format} ({@value #FITS_MIME}),
     * {@code Target.Name}, {@code vox:image_title}, {@code vox:spectrum_axes} ({@code "<coord> <flux> [<error>]"},
     * tables only), {@code vox:spectrum_units} (when both units are known and have no spaces), and
     * {@code Spectrum.Char.SpectralAxis/FluxAxis.Name/unit}.
     *
     * @param p an inspected spectrum
     * @param url where it is served
     * @return the meta map (SAMP strings only)
     */
    public static Map<String, String> spectrumMeta(FitsProduct p, URL url) {
        FitsProduct.Spectrum s = p.spectrum();
        if (s == null) {
            throw new IllegalArgumentException(p.file().getFileName() + " is not a spectrum (" + p.found() + ")");
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Access.Reference", url.toString());
        meta.put("Access.Format", FITS_MIME);
        if (!p.object().isEmpty()) {
            meta.put("Target.Name", p.object());
        }
        meta.put("vox:image_title", p.title());
        if (!s.image()) {
            meta.put("vox:spectrum_axes", s.coord() + " " + s.flux() + (s.error() == null ? "" : " " + s.error()));
        }
        if (!s.coordUnit().isEmpty() && !s.fluxUnit().isEmpty() && !(s.coordUnit() + s.fluxUnit()).matches(".*\\s.*")) {
            meta.put("vox:spectrum_units", s.coordUnit() + " " + s.fluxUnit());
        }
        meta.put("Spectrum.Char.SpectralAxis.Name", s.coord());
        if (!s.coordUnit().isEmpty()) {
            meta.put("Spectrum.Char.SpectralAxis.unit", s.coordUnit());
        }
        meta.put("Spectrum.Char.FluxAxis.Name", s.flux());
        if (!s.fluxUnit().isEmpty()) {
            meta.put("Spectrum.Char.FluxAxis.unit", s.fluxUnit());
        }
        return meta;
    }

    /** @return the session folder (null before the first send; gone after close) */
    Path sessionDir() {
        return files.dir();
    }

    /** Ends the session: every product it served stops being served; downloaded and merged files are deleted. */
    @Override
    public void close() {
        files.close();
    }
}
