package org.isosamp.products;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;

/**
 * Tells what a product file is by reading it, never by its name: the archive names every STANDALONE product
 * {@code <tdt>.fits}, whatever it holds.
 *
 * <ul>
 * <li>The first HDU with data decides (the one viewers show by default).</li>
 * <li>A table (binary {@code BINTABLE} or ASCII {@code TABLE}) with a spectral column and a flux column is a
 * {@link ProductKind#SPECTRUM}; later tables with the same two columns are its further segments (ISO's SWS and LWS
 * products have one ASCII table per detector or scan). Columns are found as SPLAT finds them: a {@code TUTYPEn}
 * ending in {@code SpectralAxis.Value} / {@code FluxAxis.Value}, else the name ({@code WAVE*}, {@code LAMBDA},
 * {@code FREQ*}, {@code ENERGY}, {@code VELO*} / {@code FLUX*}, {@code INTEN*}), scalar and numeric; the flux
 * error likewise ({@code FluxAxis.Accuracy}, or {@code ERR*}, {@code *_ERR}, {@code SIGMA}, {@code STDEV},
 * {@code STDDEV}, {@code UNC*}).</li>
 * <li>A 1-D image (one axis longer than 1) whose axis has a spectral {@code CTYPE} ({@code WAVE}, {@code FREQ},
 * {@code ENER}, {@code WAVN}, {@code AWAV}, {@code VRAD}, {@code VOPT}, {@code ZOPT}, {@code VELO}, {@code BETA},
 * {@code LAMBDA}) is a spectrum too; a 1-D image without one is passed over.</li>
 * <li>An image of two or more axes longer than 1 is an {@link ProductKind#IMAGE}; any other table a
 * {@link ProductKind#TABLE}.</li>
 * </ul>
 * Anything else throws a {@link ProductFormatException} saying what the file is instead: a tar, a PNG, an HTML
 * page, gzip data, an empty file, a FITS file with headers only.
 *
 * <p>Only headers are read (nom-tam-fits defers the data of a file), so a large image costs nothing. Stateless and
 * thread-safe.
 */
public final class ProductInspector {

    private static final Pattern COORD = Pattern.compile("wave.*|wavelength.*|lambda|wl|freq.*|energy|wavenum.*"
        + "|velo.*");
    private static final Pattern FLUX = Pattern.compile("flux.*|inten.*|fnu|flambda|f_nu|f_lambda");
    private static final Pattern ERROR = Pattern.compile("err.*|.*_err|.*_error|.*err|sigma.*|stdev|stddev|std"
        + "|unc.*|.*_unc");
    private static final Pattern NOT_FLUX = Pattern.compile(".*(err|sig|unc|std|var|qual|flag|mask).*");
    private static final Pattern SPECTRAL_CTYPE = Pattern.compile("(WAVE|FREQ|ENER|WAVN|AWAV|VRAD|VOPT|ZOPT|VELO"
        + "|BETA|LAMBDA)([-_].*)?");

    private ProductInspector() {
    }

    /**
     * @param file a downloaded product
     * @return what it is
     * @throws NoSuchFileException if there is no such file
     * @throws ProductFormatException naming the file and what it holds, if it is not FITS or has nothing to show
     * @throws IOException if it cannot be read
     */
    public static FitsProduct inspect(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(2880);
        }
        String name = file.getFileName().toString();
        if (!startsWith(head, "SIMPLE  =")) {
            throw new ProductFormatException(file, name + " is not a FITS file: it is " + sniff(head));
        }
        List<Header> headers = new ArrayList<>();
        try (Fits fits = new Fits(file.toFile())) {
            BasicHDU<?> hdu;
            while ((hdu = fits.readHDU()) != null) {
                headers.add(hdu.getHeader());
            }
        } catch (IOException | RuntimeException e) {
            if (headers.isEmpty()) {
                throw new ProductFormatException(file, name + " is not a readable FITS file: " + e.getMessage(), e);
            }
            // a damaged tail: judge by what could be read, as viewers would show it
        }
        if (headers.isEmpty()) {
            throw new ProductFormatException(file, name + " is not a readable FITS file: no HDU could be read");
        }
        return decide(file, headers);
    }

    private static FitsProduct decide(Path file, List<Header> headers) throws ProductFormatException {
        Header primary = headers.get(0);
        List<String> passedOver = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            Header h = headers.get(i);
            String xtension = xtension(h, i);
            if (xtension.equals("BINTABLE") || xtension.equals("TABLE")) {
                boolean ascii = xtension.equals("TABLE");
                List<Column> cols = columns(h, ascii);
                if (cols.isEmpty()) {
                    passedOver.add("HDU " + i + ": a table without columns");
                    continue;
                }
                FitsProduct.Spectrum s = spectralColumns(cols, i, ascii);
                if (s != null) {
                    return spectrum(file, headers, s, i);
                }
                long rows = Math.max(0, h.getLongValue("NAXIS2", 0));
                return new FitsProduct(file, ProductKind.TABLE, i, object(h, primary), title(file, h, primary),
                    (ascii ? "an ASCII table" : "a binary table") + " of " + cols.size() + " columns and " + rows
                        + " rows in HDU " + i, rows, null);
            }
            if (xtension.equals("IMAGE") || xtension.equals("PRIMARY")) {
                int naxis = h.getIntValue("NAXIS", 0);
                List<Integer> longAxes = new ArrayList<>();
                StringBuilder shape = new StringBuilder();
                boolean empty = naxis == 0;
                for (int k = 1; k <= naxis; k++) {
                    long n = h.getLongValue("NAXIS" + k, 0);
                    empty |= n == 0;
                    if (n > 1) {
                        longAxes.add(k);
                    }
                    shape.append(k > 1 ? "x" : "").append(n);
                }
                if (empty) {
                    continue;
                }
                String where = i == 0 ? "the primary HDU" : "HDU " + i;
                if (longAxes.size() >= 2) {
                    return new FitsProduct(file, ProductKind.IMAGE, i, object(h, primary), title(file, h, primary),
                        "a " + shape + " image in " + where, 0, null);
                }
                int axis = longAxes.isEmpty() ? 1 : longAxes.get(0);
                String ctype = h.getStringValue("CTYPE" + axis, "").trim();
                if (SPECTRAL_CTYPE.matcher(ctype.toUpperCase(Locale.ROOT)).matches()) {
                    String btype = h.getStringValue("BTYPE", "").trim();
                    FitsProduct.Spectrum s = new FitsProduct.Spectrum(ctype, h.getStringValue("CUNIT" + axis, "")
                        .trim(), btype.isEmpty() ? "FLUX" : btype, h.getStringValue("BUNIT", "").trim(), null,
                        List.of(i), true, false);
                    return new FitsProduct(file, ProductKind.SPECTRUM, i, object(h, primary),
                        title(file, h, primary), "a 1-D " + ctype + " spectrum of " + h.getLongValue("NAXIS" + axis, 0)
                        + " pixels in " + where, 0, s);
                }
                passedOver.add(where + ": a 1-D image (" + shape + ") without a spectral axis ("
                    + (ctype.isEmpty() ? "no CTYPE" + axis : "CTYPE" + axis + " = " + ctype) + ")");
                continue;
            }
            passedOver.add("HDU " + i + ": a " + xtension + " extension");
        }
        String name = file.getFileName().toString();
        if (passedOver.isEmpty()) {
            throw new ProductFormatException(file, name + " holds no data to show: " + (headers.size() == 1
                ? "a FITS primary header without data" : headers.size() + " FITS headers without data"));
        }
        throw new ProductFormatException(file, name + " holds no spectrum, image or table: "
            + String.join("; ", passedOver));
    }

    private static FitsProduct spectrum(Path file, List<Header> headers, FitsProduct.Spectrum first, int hdu) {
        List<Integer> segments = new ArrayList<>(List.of(hdu));
        boolean binary = first.binaryTable();
        Header h = headers.get(hdu);
        long rows = Math.max(0, h.getLongValue("NAXIS2", 0));
        for (int j = hdu + 1; j < headers.size(); j++) {
            Header hj = headers.get(j);
            String x = xtension(hj, j);
            if (!x.equals("BINTABLE") && !x.equals("TABLE")) {
                continue;
            }
            FitsProduct.Spectrum sj = spectralColumns(columns(hj, x.equals("TABLE")), j, x.equals("TABLE"));
            if (sj != null && sj.coord().equals(first.coord()) && sj.flux().equals(first.flux())) {
                segments.add(j);
                binary &= sj.binaryTable();
                rows += Math.max(0, hj.getLongValue("NAXIS2", 0));
            }
        }
        FitsProduct.Spectrum s = new FitsProduct.Spectrum(first.coord(), first.coordUnit(), first.flux(),
            first.fluxUnit(), first.error(), segments, false, binary);
        String kind = binary ? "binary table" : "ASCII table";
        String what = (segments.size() == 1 ? "a " + kind + " in HDU " + hdu : segments.size() + " " + kind
            + " segments (HDUs " + segments.get(0) + "-" + segments.get(segments.size() - 1) + ")") + " with "
            + first.coord() + ", " + first.flux() + (first.error() == null ? "" : ", " + first.error()) + " ("
            + rows + " rows)";
        Header primary = headers.get(0);
        return new FitsProduct(file, ProductKind.SPECTRUM, hdu, object(h, primary), title(file, h, primary), what,
            rows, s);
    }

    /** A table column as its header describes it. */
    private record Column(String name, String unit, String utype, boolean numericScalar) {
    }

    private static List<Column> columns(Header h, boolean ascii) {
        int n = h.getIntValue("TFIELDS", 0);
        List<Column> out = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            String name = h.getStringValue("TTYPE" + k, "").trim();
            String form = h.getStringValue("TFORM" + k, "").trim().toUpperCase(Locale.ROOT);
            out.add(new Column(name.isEmpty() ? "col" + k : name, h.getStringValue("TUNIT" + k, "").trim(),
                h.getStringValue("TUTYPE" + k, "").trim(), ascii ? asciiNumeric(form) : binaryNumericScalar(form)));
        }
        return out;
    }

    private static boolean asciiNumeric(String tform) {
        return !tform.isEmpty() && "IFED".indexOf(tform.charAt(0)) >= 0;
    }

    private static boolean binaryNumericScalar(String tform) {
        int i = 0;
        while (i < tform.length() && Character.isDigit(tform.charAt(i))) {
            i++;
        }
        if (i == tform.length()) {
            return false;
        }
        int repeat = i == 0 ? 1 : Integer.parseInt(tform.substring(0, Math.min(i, 9)));
        return repeat == 1 && "BIJKED".indexOf(tform.charAt(i)) >= 0;
    }

    private static FitsProduct.Spectrum spectralColumns(List<Column> cols, int hdu, boolean ascii) {
        Column coord = find(cols, c -> utype(c, "spectralaxis.value") || utype(c, "spectralaxis"),
            c -> COORD.matcher(lower(c.name())).matches());
        Column flux = find(cols, c -> utype(c, "fluxaxis.value") || (utype(c, "fluxaxis") && !utype(c, "accuracy")),
            c -> lower(c.name()).equals("flux"),
            c -> FLUX.matcher(lower(c.name())).matches() && !NOT_FLUX.matcher(lower(c.name())).matches());
        if (coord == null || flux == null || coord == flux) {
            return null;
        }
        Column error = find(cols, c -> utype(c, "fluxaxis.accuracy"),
            c -> c != coord && c != flux && ERROR.matcher(lower(c.name())).matches());
        return new FitsProduct.Spectrum(coord.name(), coord.unit(), flux.name(), flux.unit(),
            error == null ? null : error.name(), List.of(hdu), false, !ascii);
    }

    @SafeVarargs
    private static Column find(List<Column> cols, java.util.function.Predicate<Column>... rules) {
        for (java.util.function.Predicate<Column> rule : rules) {
            for (Column c : cols) {
                if (c.numericScalar() && rule.test(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static boolean utype(Column c, String tail) {
        return lower(c.utype()).contains(tail);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String xtension(Header h, int index) {
        if (index == 0) {
            return "PRIMARY";
        }
        return h.getStringValue("XTENSION", "").trim().toUpperCase(Locale.ROOT);
    }

    private static String object(Header h, Header primary) {
        String o = h.getStringValue("OBJECT", "").trim();
        return o.isEmpty() ? primary.getStringValue("OBJECT", "").trim() : o;
    }

    /** {@code OBJECT (TELESCOP INSTRUME AOT TDT)}, what is there of it; the file name if there is no OBJECT. */
    static String title(Path file, Header h, Header primary) {
        String object = object(h, primary);
        List<String> parts = new ArrayList<>();
        for (String key : new String[] {"TELESCOP", "INSTRUME", "AOT", "TDT"}) {
            String v = h.getStringValue(key, "").trim();
            if (v.isEmpty()) {
                v = primary.getStringValue(key, "").trim();
            }
            if (!v.isEmpty()) {
                parts.add(v);
            }
        }
        if (object.isEmpty()) {
            return file.getFileName().toString();
        }
        return parts.isEmpty() ? object : object + " (" + String.join(" ", parts) + ")";
    }

    // ------------------------------------------------------------------ not FITS

    private static boolean startsWith(byte[] b, String ascii) {
        return startsWith(b, 0, ascii);
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        byte[] want = ascii.getBytes(StandardCharsets.US_ASCII);
        if (b.length < offset + want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (b[offset + i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return what a file that is not FITS looks like, e.g. {@code a tar archive (first entry "x/")} */
    static String sniff(byte[] b) {
        if (b.length == 0) {
            return "an empty file";
        }
        if (startsWith(b, 257, "ustar")) {
            int end = 0;
            while (end < 100 && b[end] != 0) {
                end++;
            }
            String entry = printable(new String(b, 0, end, StandardCharsets.UTF_8));
            return "a tar archive" + (entry.isEmpty() ? "" : " (first entry \"" + entry + "\")");
        }
        if ((b[0] & 0xff) == 0x89 && startsWith(b, 1, "PNG")) {
            return "a PNG image";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
            return "gzip-compressed data (unpack it first)";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "a JPEG image";
        }
        if (startsWith(b, "GIF8")) {
            return "a GIF image";
        }
        if (startsWith(b, "%PDF")) {
            return "a PDF document";
        }
        if (startsWith(b, "PK\u0003\u0004")) {
            return "a zip archive";
        }
        String text = new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        String lowerText = lower(text);
        if (lowerText.startsWith("<")) {
            if (lowerText.contains("<votable")) {
                return "a VOTable document";
            }
            if (lowerText.contains("<html") || lowerText.startsWith("<!doctype html")) {
                return "an HTML page";
            }
            return "an XML document";
        }
        if (mostlyText(b)) {
            String first = printable(text.lines().findFirst().orElse(""));
            return "text starting \"" + (first.length() > 40 ? first.substring(0, 40) + "..." : first) + "\"";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, b.length); i++) {
            hex.append(String.format(Locale.ROOT, "%s%02x", i == 0 ? "" : " ", b[i] & 0xff));
        }
        return "unrecognised binary data (first bytes " + hex + ")";
    }

    private static boolean mostlyText(byte[] b) {
        int n = Math.min(b.length, 512);
        int text = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c != 0x7f)) {
                text++;
            }
        }
        return text >= n * 0.95;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?").strip();
    }
}
