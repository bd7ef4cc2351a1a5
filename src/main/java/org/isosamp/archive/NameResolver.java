package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.isosamp.model.SkyPosition;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Turns what a user typed into a {@link SkyPosition}: a position as astronomers write it
 * ({@link SkyPosition#parse}), else an object name, resolved by CDS Sesame when it answers within a few
 * seconds, else from the archive's own target names ({@code ida.observations.target}: the mean position of
 * the observations of that target). Nothing is printed: the {@link Resolution} says where the position came
 * from, for the caller to show.
 *
 * <pre>
 *   NameResolver r = NameResolver.configured(archive);   // or new NameResolver(http, sesameUrl, archive)
 *   NameResolver.Resolution m31 = r.resolve("M31");    // m31.describe(): "M31: 10.68471 +41.26875 (Sesame)"
 * </pre>
 *
 * <p>Sesame is {@code https://cds.unistra.fr/cgi-bin/nph-sesame/-oxp/SNV} (XML; Simbad, then NED, then VizieR)
 * unless {@code ISO_SAMP_SESAME} (a system property, else an environment variable) names another URL, or
 * {@code off} to go straight to the archive. Thread-safe: immutable.
 */
public final class NameResolver {

    private static final Logger LOG = Logger.getLogger(NameResolver.class.getName());

    /** CDS Sesame's XML interface, all three databases in turn. */
    public static final HttpUrl SESAME = HttpUrl.get("https://cds.unistra.fr/cgi-bin/nph-sesame/-oxp/SNV");

    /** The system property, and environment variable, that choose Sesame's URL or turn it {@code off}. */
    public static final String SESAME_SETTING = "ISO_SAMP_SESAME";

    /** How long Sesame may take, connection included: a name lookup must not hold up a command. */
    static final Duration SESAME_TIMEOUT = Duration.ofSeconds(3);

    /** Where a resolved position came from. */
    public enum Source {
        /** typed as coordinates */
        COORDINATES("coordinates"),
        /** CDS Sesame */
        SESAME("Sesame"),
        /** the archive's {@code ida.observations.target} */
        ARCHIVE("archive target names");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        /** @return how it is shown: "Sesame", "archive target names" */
        public String label() {
            return label;
        }
    }

    /**
     * A position and where it came from.
     *
     * @param text         what the user typed, trimmed
     * @param position     the position
     * @param source       where it came from
     * @param observations for {@link Source#ARCHIVE}, how many observations of that target were averaged; else 0
     */
    public record Resolution(String text, SkyPosition position, Source source, int observations) {

        /**
         * @return one line for the user: {@code M31: 10.68471 +41.26875 (Sesame)},
         *         {@code M31: 10.68459 +41.26917 (archive target names, 15 observations)}
         */
        public String describe() {
            String from = source == Source.ARCHIVE
                ? source.label() + ", " + observations + (observations == 1 ? " observation" : " observations")
                : source.label();
            return text + ": " + position + " (" + from + ")";
        }
    }

    private final OkHttpClient http;
    private final HttpUrl sesame;
    private final IsoArchive archive;

    /**
     * @param http    the HTTP client (a variant with a {@link #SESAME_TIMEOUT} limit is made for Sesame)
     * @param sesame  Sesame's URL (the name is its query string), or null for none
     * @param archive the archive whose target names are the fallback, or null for none
     */
    public NameResolver(OkHttpClient http, HttpUrl sesame, IsoArchive archive) {
        this.http = http.newBuilder().callTimeout(SESAME_TIMEOUT).connectTimeout(SESAME_TIMEOUT)
            .readTimeout(SESAME_TIMEOUT).build();
        this.sesame = sesame;
        this.archive = archive;
    }

    /**
     * @param archive the archive whose target names are the fallback, or null for none
     * @return a resolver as configured ({@link #configuredSesame()}), on the process's shared HTTP client
     * @throws IllegalArgumentException when {@value #SESAME_SETTING} is neither {@code off} nor an http(s) URL
     */
    public static NameResolver configured(IsoArchive archive) {
        HttpUrl sesame = configuredSesame();
        OkHttpClient http = sesame != null ? IsoArchive.defaultHttpClient(sesame)
            : archive != null ? IsoArchive.defaultHttpClient(archive.base()) : IsoArchive.defaultHttpClient();
        return new NameResolver(http, sesame, archive);
    }

    /**
     * @return Sesame's URL as configured: {@value #SESAME_SETTING} as a system property, else as an environment
     *         variable, else {@link #SESAME}; null when set to {@code off}
     * @throws IllegalArgumentException when the setting is neither {@code off} nor an http(s) URL
     */
    public static HttpUrl configuredSesame() {
        String v = System.getProperty(SESAME_SETTING);
        if (v == null || v.isBlank()) {
            v = System.getenv(SESAME_SETTING);
        }
        if (v == null || v.isBlank()) {
            return SESAME;
        }
        if (v.trim().equalsIgnoreCase("off")) {
            return null;
        }
        HttpUrl url = HttpUrl.parse(v.trim());
        if (url == null) {
            throw new IllegalArgumentException(SESAME_SETTING + " (\"" + v + "\") is neither 'off' nor an http(s) URL");
        }
        return url;
    }

    /**
     * @param text a position ({@link SkyPosition#parse}'s forms) or an object name
     * @return the position, and where it came from
     * @throws IllegalArgumentException when the text looks like a position but is not a valid one
     * @throws NameResolveException     when the name is known neither to Sesame nor to the archive
     * @throws IOException              when the archive fails (Sesame's failures only lead to the archive)
     */
    public Resolution resolve(String text) throws IOException {
        Optional<SkyPosition> typed = SkyPosition.parseIfCoordinates(text);
        String name = text.trim().replaceAll("\\s+", " ");
        if (typed.isPresent()) {
            return new Resolution(name, typed.get(), Source.COORDINATES, 0);
        }
        String sesameSays;
        if (sesame == null) {
            sesameSays = "Sesame is off";
        } else {
            try {
                Optional<SkyPosition> p = sesame(name);
                if (p.isPresent()) {
                    return new Resolution(name, p.get(), Source.SESAME, 0);
                }
                sesameSays = "Sesame (" + sesame + ") knows no \"" + name + "\"";
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.log(Level.FINE, "Sesame timed out", e);
                sesameSays = "Sesame (" + sesame + ") did not answer within " + SESAME_TIMEOUT.toSeconds() + " s";
            } catch (IOException e) {
                LOG.log(Level.FINE, "Sesame failed", e);
                sesameSays = "Sesame (" + sesame + ") failed: " + e.getMessage();
            }
        }
        LOG.fine(() -> "\"" + name + "\" from the archive's target names");
        if (archive == null) {
            throw new NameResolveException("no position for \"" + name + "\": " + sesameSays);
        }
        Optional<Resolution> r = fromArchive(name);
        if (r.isPresent()) {
            return r.get();
        }
        throw new NameResolveException("no position for \"" + name + "\": " + sesameSays
            + ", and no observation in the archive at " + archive.base() + " has that target name");
    }

    /** @return the first position Sesame gives, or empty when it found nothing */
    private Optional<SkyPosition> sesame(String name) throws IOException {
        // the whole query string is the name; '+' would read as a space, so spaces are %20 and '+' is %2B
        String query = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        HttpUrl url = sesame.newBuilder().encodedQuery(query).build();
        LOG.fine(() -> "GET " + url);
        try (Response resp = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (!resp.isSuccessful()) {
                throw new ArchiveException("Sesame name resolver", url.toString(), resp.code(), resp.message());
            }
            try (InputStream in = resp.body().byteStream()) {
                return parseSesame(in);
            } catch (SAXException e) {
                throw new ArchiveException("Sesame name resolver", url.toString(), 0,
                                           "answer is not XML: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads a Sesame XML answer ({@code -ox}): the first {@code Resolver} with {@code jradeg} and {@code jdedeg}.
     *
     * @return its position, or empty when no resolver found the name ({@code *** Nothing found ***})
     */
    static Optional<SkyPosition> parseSesame(InputStream in) throws IOException, SAXException {
        SesameHandler h = new SesameHandler();
        TapXml.parse(in, h);
        return Optional.ofNullable(h.found);
    }

    private static final class SesameHandler extends DefaultHandler {
        SkyPosition found;
        private String ra;
        private String dec;
        private StringBuilder text;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            switch (TapXml.local(qName)) {
                case "Resolver" -> {
                    ra = null;
                    dec = null;
                }
                case "jradeg", "jdedeg" -> text = new StringBuilder();
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (TapXml.local(qName)) {
                case "jradeg" -> ra = text.toString().trim();
                case "jdedeg" -> dec = text.toString().trim();
                case "Resolver" -> {
                    if (found == null && ra != null && dec != null) {
                        try {
                            double r = Double.parseDouble(ra);
                            found = new SkyPosition(r >= 360 ? r - 360 : r, Double.parseDouble(dec));
                        } catch (IllegalArgumentException e) {
                            LOG.fine(() -> "Sesame position " + ra + " " + dec + " unusable: " + e.getMessage());
                        }
                    }
                }
                default -> { }
            }
            text = null;
        }
    }

    /**
     * The observations whose target is the name, ignoring case and the space between a catalogue and its number
     * ({@code m31}, {@code M 31}, {@code NGC1068}): their mean position.
     */
    private Optional<Resolution> fromArchive(String name) throws IOException {
        StringBuilder in = new StringBuilder();
        for (String v : spellings(name)) {
            in.append(in.length() == 0 ? "" : ", ").append('\'').append(v.replace("'", "''")).append('\'');
        }
        String adql = "SELECT ra_deg, dec FROM ida.observations WHERE UPPER(target) IN (" + in + ")";
        QueryResult r = archive.query(QueryRequest.builder(adql).build());
        StarTable t = r.table();
        // the mean of unit vectors, so that targets near RA 0 average right
        double x = 0;
        double y = 0;
        double z = 0;
        int n = 0;
        try (RowSequence rs = t.getRowSequence()) {
            while (rs.next()) {
                if (rs.getCell(0) instanceof Number ra && rs.getCell(1) instanceof Number dec
                    && Double.isFinite(ra.doubleValue()) && Double.isFinite(dec.doubleValue())) {
                    double a = Math.toRadians(ra.doubleValue());
                    double d = Math.toRadians(dec.doubleValue());
                    x += Math.cos(d) * Math.cos(a);
                    y += Math.cos(d) * Math.sin(a);
                    z += Math.sin(d);
                    n++;
                }
            }
        }
        if (n == 0) {
            return Optional.empty();
        }
        double ra = (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
        double dec = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
        return Optional.of(new Resolution(name, new SkyPosition(ra >= 360 ? 0 : ra, dec), Source.ARCHIVE, n));
    }

    /** @return the name upper-cased, as typed, without spaces, and with one space between letters and digits */
    static Set<String> spellings(String name) {
        String up = name.toUpperCase(Locale.ROOT);
        String joined = up.replace(" ", "");
        Set<String> s = new LinkedHashSet<>(List.of(up, joined));
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < joined.length(); i++) {
            if (Character.isLetter(joined.charAt(i - 1)) && Character.isDigit(joined.charAt(i))) {
                parts.add(joined.substring(start, i));
                start = i;
            }
        }
        parts.add(joined.substring(start));
        s.add(String.join(" ", parts));
        return s;
    }
}
