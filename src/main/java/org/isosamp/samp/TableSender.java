package org.isosamp.samp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.astrogrid.samp.Message;
import org.isosamp.table.SkyColumns;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * Sends tables over SAMP as TOPCAT's {@code TableSendActionManager} does: each recipient gets
 * {@code table.load.votable} if it takes it, else {@code table.load.fits} (a plain {@code fits-basic} binary
 * table). The table is written once per format needed (VOTable BINARY2, FITS) into a session folder and served on
 * loopback by the {@link ProductServer}; every send has a fresh {@code table-id} ({@code iso-samp-<n>-<random>}:
 * TOPCAT refuses a repeated one, and a counter alone would repeat across runs) and is called with call-and-wait, so
 * that each receiver's reply is reported and the URL is still served when it loads. Each send is recorded in
 * {@link SentTables} (one entry per format: a VOTable and a FITS receiver get different ids and URLs, each pair
 * consistent for row messages). A table with ISO's RA in hours goes as {@link SkyColumns#forTopcat} shows it, so
 * that TOPCAT's sky tools default to degrees.
 *
 * <p>At most {@code maxTables} sends stay served; older ones expire (their URLs answer 410 Gone, files deleted,
 * forgotten by {@link SentTables}). {@link #close()} ends the session: everything served is removed, the folder
 * deleted.
 *
 * <pre>{@code
 * try (TableSender sender = new TableSender(samp, server, sentTables)) {
 *     TableSender.Published p = sender.publish(result.table(), "M31 observations", null);
 *     p.delivery().replies().forEach((peer, reply) -> System.out.println(peer + ": " + reply.getStatus()));
 * }
 * }</pre>
 *
 * <p>Thread-safe; concurrent sends are independent.
 */
public final class TableSender implements TablePublisher, AutoCloseable {

    /** The default time each receiver has to reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** The default number of sends kept served. */
    public static final int DEFAULT_MAX_TABLES = 100;

    static final String VOTABLE = "table.load.votable";
    static final String FITS = "table.load.fits";

    private static final Logger LOG = Logger.getLogger(TableSender.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final SampClient client;
    private final SentTables sent;
    private final Duration timeout;
    private final SessionFiles files;

    /** A sender with the default timeout (30 s) and bound (100 tables). */
    public TableSender(SampClient client, ProductServer server, SentTables sent) {
        this(client, server, sent, DEFAULT_TIMEOUT, DEFAULT_MAX_TABLES);
    }

    /**
     * @param client the connected SAMP client
     * @param server where the tables are served (stays the caller's to close)
     * @param sent where sent tables are recorded
     * @param timeout how long each receiver has to reply, positive
     * @param maxTables how many sends stay served, at least 1
     */
    public TableSender(SampClient client, ProductServer server, SentTables sent, Duration timeout, int maxTables) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout (" + timeout + ") must be positive");
        }
        this.client = client;
        this.sent = sent;
        this.timeout = timeout;
        this.files = new SessionFiles(server, "iso-samp-tables-", maxTables);
    }

    /** A table sent: what was recorded, and who said what. */
    public record Published(SentTable table, List<SentTable> formats, Delivery delivery) {
        public Published {
            formats = List.copyOf(formats);
        }
    }

    /** @return a fresh SAMP id, {@code iso-samp-<n>-<8 hex digits>} */
    static String freshId() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return "iso-samp-" + COUNTER.incrementAndGet() + "-" + HexFormat.of().formatHex(b);
    }

    /**
     * @param nameOrId one client by id or name, or null for every client that takes tables
     * @return who a send would go to
     * @throws org.astrogrid.samp.client.SampException naming the clients on the hub, if nobody (or not the one
     *         named) takes {@code table.load.votable} or {@code table.load.fits}
     */
    public List<SampPeer> recipients(String nameOrId) throws IOException {
        return Recipients.choose(client, nameOrId, List.of(VOTABLE, FITS), "the table");
    }

    @Override
    public Sent send(StarTable table, String name, String recipientId) throws IOException {
        Published p = publish(table, name, recipientId);
        return new Sent(p.table(), p.delivery().replies());
    }

    /**
     * Sends a table and waits for the replies.
     *
     * @param table the table (read once per format needed)
     * @param name the {@code name} receivers show
     * @param nameOrId one client by id or name, or null for every client that takes tables
     * @return what was recorded (the VOTable one first) and each receiver's reply
     * @throws IOException if nobody takes tables, the table cannot be written, or the hub cannot be reached
     * @throws InterruptedIOException if interrupted while waiting for replies
     * @throws IllegalStateException after {@link #close()}
     */
    public Published publish(StarTable table, String name, String nameOrId) throws IOException {
        files.checkOpen();
        List<SampPeer> to = recipients(nameOrId);
        List<SampPeer> vot = to.stream().filter(p -> p.subscribes(VOTABLE)).toList();
        List<SampPeer> fits = to.stream().filter(p -> !p.subscribes(VOTABLE)).toList();
        String label = name == null || name.isBlank() ? "iso-samp table" : name;
        // the view TOPCAT should get: its sky tools default to degrees, not to ISO's RA in hours
        StarTable t = SkyColumns.forTopcat(
            table.isRandom() && table.getRowCount() >= 0 ? table : Tables.randomTable(table));
        SessionFiles.Send send = files.begin();
        try {
            Map<SampPeer, Message> messages = new LinkedHashMap<>();
            List<SentTable> formats = new ArrayList<>();
            if (!vot.isEmpty()) {
                SentTable st = write(send, t, label, ".vot", "application/x-votable+xml",
                    new VOTableWriter(DataFormat.BINARY2, true, VOTableVersion.V14));
                formats.add(st);
                vot.forEach(p -> messages.put(p, message(VOTABLE, st)));
            }
            if (!fits.isEmpty()) {
                SentTable st = write(send, t, label, ".fits", "application/fits", new FitsTableWriter());
                formats.add(st);
                fits.forEach(p -> messages.put(p, message(FITS, st)));
            }
            Delivery d = Recipients.callEach(client, order(to, messages), timeout);
            return new Published(formats.get(0), formats, d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for SAMP replies");
        } catch (IOException | RuntimeException e) {
            send.discard();
            throw e;
        }
    }

    private SentTable write(SessionFiles.Send send, StarTable t, String name, String ext, String contentType,
                            StarTableWriter writer) throws IOException {
        String id = freshId();
        Path file = send.folder().resolve(id + ext);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            writer.writeStarTable(t, out);
        }
        URL url = send.serve(file, id + ext, contentType);
        SentTable st = new SentTable(id, url, name, file, t.getRowCount());
        sent.add(st);
        send.onExpire(() -> sent.remove(id));
        LOG.fine(() -> "serving " + t.getRowCount() + " rows as " + id + " at " + url);
        return st;
    }

    private static Message message(String mtype, SentTable st) {
        return new Message(mtype).addParam("url", st.url().toString()).addParam("table-id", st.tableId())
            .addParam("name", st.name());
    }

    private static Map<SampPeer, Message> order(List<SampPeer> to, Map<SampPeer, Message> messages) {
        Map<SampPeer, Message> out = new LinkedHashMap<>();
        to.forEach(p -> out.put(p, messages.get(p)));
        return out;
    }

    /** @return the session folder (null before the first send; gone after close) */
    Path sessionDir() {
        return files.dir();
    }

    /** @return how many sends are served now */
    int servedSends() {
        return files.size();
    }

    /** Ends the session: every table it served stops being served and is forgotten; its files are deleted. */
    @Override
    public void close() {
        files.close();
    }

    /**
     * @param adql a query
     * @return the name receivers show for its result: the query on one line, cut to 80 characters
     */
    public static String queryLabel(String adql) {
        String one = adql.trim().replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
