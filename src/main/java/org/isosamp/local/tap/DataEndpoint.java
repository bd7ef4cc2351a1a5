package org.isosamp.local.tap;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isosamp.local.products.NoSuchProductException;
import org.isosamp.local.products.ObservationInfo;
import org.isosamp.local.products.Product;
import org.isosamp.local.products.ProductSource;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;

/**
 * The data endpoint {@code /nida-sl-tap/data?}: OBSERVATION tars, STANDALONE
 * products and POSTCARDs by {@code tdt} or {@code obsno}, with GET and HEAD, a
 * quoted {@code Content-Disposition} file name, Content-Length and single byte
 * ranges (resumable downloads). Errors are plain text with a 4xx status. Only
 * digits reach the product source: no part of the request becomes a path.
 * Thread-safe.
 */
final class DataEndpoint {

    private static final Logger LOG = Logger.getLogger(DataEndpoint.class.getName());
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final Pattern RANGE = Pattern.compile("bytes=([0-9]*)-([0-9]*)");
    private static final int BUFFER = 1 << 16;

    /** Looks observations up in ida.observations. */
    interface Observations {
        Optional<ObservationInfo> byTdt(String tdt) throws IOException;

        Optional<ObservationInfo> byObsno(String obsno) throws IOException;
    }

    private final Observations observations;
    private final ProductSource products;

    DataEndpoint(Observations observations, ProductSource products) {
        this.observations = observations;
        this.products = products;
    }

    void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            Http.plainError(ex, 405, "Method " + method + " not allowed on the data endpoint (GET, HEAD)");
            return;
        }
        Product product;
        try {
            product = resolve(Params.read(ex));
        } catch (TapException e) {
            Http.plainError(ex, e.status, e.getMessage());
            return;
        } catch (NoSuchProductException e) {
            Http.plainError(ex, 404, e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            if (ClientGoneException.isCause(e)) {
                throw e;   // while reading the request: the dispatcher notes it
            }
            LOG.log(Level.WARNING, "product failed for " + ex.getRequestURI(), e);
            Http.plainError(ex, 500, "Product could not be prepared: " + e.getMessage());
            return;
        }
        serve(ex, product);
    }

    private Product resolve(Params p) throws TapException, IOException {
        String typeParam = p.get("retrieval_type");
        RetrievalType type;
        try {
            type = typeParam == null ? RetrievalType.OBSERVATION : RetrievalType.parse(typeParam);
        } catch (IllegalArgumentException e) {
            throw new TapException(400, e.getMessage());
        }
        ProductLevel level = null;
        String levelParam = p.get("product_level");
        if (levelParam != null) {
            try {
                level = ProductLevel.parse(levelParam);
            } catch (IllegalArgumentException e) {
                throw new TapException(400, e.getMessage());
            }
        }
        String tdt = p.get("tdt");
        String obsno = p.get("obsno");
        Optional<ObservationInfo> obs;
        if (tdt != null) {
            checkDigits("tdt", tdt);
            obs = observations.byTdt(tdt.trim());
            if (obs.isEmpty()) {
                throw new TapException(404, "No observation with tdt " + tdt.trim());
            }
        } else if (obsno != null) {
            checkDigits("obsno", obsno);
            obs = observations.byObsno(obsno.trim());
            if (obs.isEmpty()) {
                throw new TapException(404, "No observation with obsno " + obsno.trim());
            }
        } else {
            throw new TapException(400, "Required parameter \"tdt\" (or \"obsno\") is missing");
        }
        return products.product(obs.get(), type, level == null ? ProductLevel.DEFAULT_DATA_SET : level);
    }

    private static void checkDigits(String name, String value) throws TapException {
        if (!DIGITS.matcher(value.trim()).matches()) {
            throw new TapException(400, name + " \"" + Params.abbreviate(value)
                                        + "\" is not valid: expected digits only");
        }
    }

    private static void serve(HttpExchange ex, Product product) throws IOException {
        Path file = product.file();
        long size = Files.size(file);
        FileTime mtime = Files.getLastModifiedTime(file);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", product.contentType());
        h.set("Content-Disposition", "attachment; filename=\"" + product.filename().replace("\"", "") + "\"");
        h.set("Accept-Ranges", "bytes");
        h.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
            mtime.toInstant().atOffset(ZoneOffset.UTC)));
        h.set("ETag", "\"" + Long.toHexString(size) + "-" + Long.toHexString(mtime.toMillis()) + "\"");
        long from = 0;
        long to = size - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null && size > 0) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                try {
                    if (m.group(1).isEmpty()) {              // suffix: last N bytes
                        long n = Long.parseLong(m.group(2));
                        from = Math.max(0, size - n);
                    } else {
                        from = Long.parseLong(m.group(1));
                        if (!m.group(2).isEmpty()) {
                            to = Math.min(to, Long.parseLong(m.group(2)));
                        }
                    }
                } catch (NumberFormatException e) {
                    from = size;                              // absurdly large: unsatisfiable
                }
                if (from >= size || from > to) {
                    h.set("Content-Range", "bytes */" + size);
                    Http.plainError(ex, 416, "Range \"" + range + "\" not satisfiable for "
                                             + product.filename() + " (" + size + " bytes)");
                    return;
                }
                status = 206;
                h.set("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
            // other forms (multiple ranges, other units): ignored, whole file sent
        }
        long length = size == 0 ? 0 : to - from + 1;
        if (ex.getRequestMethod().equals("HEAD")) {
            h.set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
            in.skipNBytes(from);
            byte[] buf = new byte[BUFFER];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException(file + " shrank while being served");
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }
}
