package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.util.FileDataSource;

/**
 * Reads TAP answers: a light SAX pass for the {@code QUERY_STATUS} INFOs
 * (wherever they are, before or after the TABLE), then STIL for the rows.
 * Also turns error bodies (VOTable error documents, ESA HTML pages, anything)
 * into a short server message. Stateless; thread-safe.
 */
final class TapVotable {

    /** Longest snippet of a body quoted in an exception. */
    static final int SNIPPET = 200;

    private static final Pattern HTML_MESSAGE =
            Pattern.compile("<li>\\s*<b>\\s*Message:\\s*</b>(.*?)</li>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private TapVotable() {
    }

    /**
     * What the SAX pass saw.
     *
     * @param votable  the root element is VOTABLE
     * @param root     the root element's name (for messages)
     * @param hasTable a TABLE element exists
     * @param error    the QUERY_STATUS error text, or null when no error status
     * @param overflow a QUERY_STATUS=OVERFLOW was seen
     */
    record Status(boolean votable, String root, boolean hasTable, String error, boolean overflow) {
    }

    /**
     * Scans a document for its QUERY_STATUS INFOs. The text of an ERROR INFO
     * is its content, else its {@code value} attribute when that is not
     * simply "ERROR" (ESA's jsqlparser errors put the message there: any
     * value other than OK/OVERFLOW/ERROR is taken as the message).
     *
     * @throws SAXException when the bytes are not well-formed XML
     */
    static Status scan(InputStream in) throws IOException, SAXException {
        StatusHandler h = new StatusHandler();
        try {
            TapXml.parse(in, h);
        } catch (StopParsing stop) {
            // root element is not VOTABLE: nothing more to learn
        }
        return new Status("VOTABLE".equalsIgnoreCase(h.root), h.root, h.hasTable, h.error, h.overflow);
    }

    /**
     * Reads the (first) table of a VOTable file into random-access storage of
     * the given policy; the file may be deleted once this returns.
     */
    static StarTable read(Path file, StoragePolicy storage) throws IOException {
        StarTableFactory factory = new StarTableFactory(true);
        factory.setStoragePolicy(storage);
        StarTable table = factory.makeStarTable(new FileDataSource(file.toFile()), "votable");
        return Tables.randomTable(table);
    }

    /**
     * The server's message in an error body: a VOTable error document's
     * QUERY_STATUS text, an ESA HTML page's {@code <li><b>Message: </b>...}, or
     * the first {@value #SNIPPET} characters of the text.
     */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        if (body.contains("VOTABLE")) {
            try {
                Status s = scan(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                if (s.error() != null) {
                    return s.error();
                }
            } catch (IOException | SAXException e) {
                // not parseable: fall through to the snippet
            }
        }
        Matcher m = HTML_MESSAGE.matcher(body);
        if (m.find()) {
            String msg = collapse(m.group(1).replaceAll("<[^>]*>", " "));
            if (!msg.isEmpty()) {
                return msg;
            }
        }
        return snippet(body);
    }

    /** @return the first {@value #SNIPPET} characters of the text of a body (tags dropped, white space collapsed) */
    static String snippet(String body) {
        String text = collapse(body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("<[^>]*>", " "));
        if (text.isEmpty()) {
            text = collapse(body);
        }
        return text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "...";
    }

    /** @return the start of a file's text, for "not a VOTable" messages */
    static String snippet(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        return snippet(new String(head, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Thrown by the handler to stop early. */
    private static final class StopParsing extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    private static final class StatusHandler extends DefaultHandler {
        String root;
        boolean hasTable;
        String error;
        boolean overflow;
        private String statusValue;
        private StringBuilder text;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            String name = TapXml.local(qName);
            if (root == null) {
                root = name;
                if (!"VOTABLE".equalsIgnoreCase(name)) {
                    throw new StopParsing();
                }
            }
            if ("TABLE".equals(name)) {
                hasTable = true;
            } else if ("INFO".equals(name) && "QUERY_STATUS".equalsIgnoreCase(TapXml.attr(atts, "name"))) {
                String v = TapXml.attr(atts, "value");
                statusValue = v == null ? "" : v.trim();
                text = new StringBuilder();
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null && text.length() < 100_000) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (text == null || !"INFO".equals(TapXml.local(qName))) {
                return;
            }
            String v = statusValue.toUpperCase(Locale.ROOT);
            String body = text.toString().trim();
            if ("OVERFLOW".equals(v)) {
                overflow = true;
            } else if (!"OK".equals(v) && error == null) {
                if (!body.isEmpty()) {
                    error = body;
                } else if (!"ERROR".equals(v) && !v.isEmpty()) {
                    error = statusValue;
                } else {
                    error = "QUERY_STATUS=ERROR without a message";
                }
            }
            text = null;
            statusValue = null;
        }
    }
}
