package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads TAP answers: a SAX pass that watches the {@code QUERY_STATUS} INFOs
 * (wherever they are, before or after the TABLE) and can hand every event on
 * to another handler (STIL's, for the rows: {@link TapTables}), so that one
 * pass both checks and reads an answer. Also turns error bodies (VOTable error
 * documents, ESA HTML pages, anything) into a short server message. Uses no
 * STIL class itself. Stateless; thread-safe.
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
     * @param hasTable a TABLE element exists (before the pass stopped)
     * @param error    the QUERY_STATUS error text, or null when no error status
     * @param overflow a QUERY_STATUS=OVERFLOW was seen
     * @param trailing  the INFOs after the start of the first TABLE's rows (DATA), in the TABLE or its
     *                  ancestors (RESOURCE, VOTABLE), in document order: table metadata that a reader
     *                  streaming the rows sees too late
     * @param malformed why the bytes are not well-formed XML (or why the next handler gave up), or null;
     *                  the other fields say what was seen before
     */
    record Status(boolean votable, String root, boolean hasTable, String error, boolean overflow,
                  List<Info> trailing, String malformed) {
    }

    /**
     * An INFO element.
     *
     * @param name    its {@code name} (else {@code ID}) attribute
     * @param value   its {@code value} attribute, or null
     * @param content its text, or null when blank
     */
    record Info(String name, String value, String content) {
    }

    /**
     * Scans a document for its QUERY_STATUS INFOs. The text of an ERROR INFO
     * is its content, else its {@code value} attribute when that is not
     * simply "ERROR" (ESA's jsqlparser errors put the message there: any
     * value other than OK/OVERFLOW/ERROR is taken as the message). The scan
     * stops at the first error, or at once when the root is not VOTABLE.
     *
     * @throws IOException when reading {@code in} fails
     */
    static Status scan(InputStream in) throws IOException {
        return scan(in, null);
    }

    /**
     * As {@link #scan(InputStream)}, handing every SAX event of a VOTable on to {@code next}
     * (which must not throw {@link StopParsing}) until the scan stops.
     *
     * @param next another handler for the same pass, or null; what it throws ends the pass as
     *             {@link Status#malformed()}
     * @throws IOException when reading {@code in} fails
     */
    static Status scan(InputStream in, ContentHandler next) throws IOException {
        StatusHandler h = new StatusHandler(next);
        String malformed = null;
        try {
            TapXml.parse(in, h);
        } catch (StopParsing stop) {
            // root element is not VOTABLE, or an error: nothing more to learn
        } catch (SAXException e) {
            malformed = e.getMessage() == null ? e.toString() : e.getMessage();
        } catch (RuntimeException e) {
            if (next == null) {
                throw e;
            }
            // STIL, decoding the rows, sometimes fails while wrapping its own IOException (initCause twice)
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            malformed = root.getMessage() == null ? root.toString() : root.getMessage();
        }
        return new Status("VOTABLE".equalsIgnoreCase(h.root), h.root, h.hasTable, h.error, h.overflow,
                          List.copyOf(h.trailing), malformed);
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
            } catch (IOException e) {
                // cannot happen reading bytes; fall through to the snippet
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

    /** @return the text of the first bytes of a body, for "not a VOTable" messages */
    static String snippet(byte[] head) {
        return snippet(new String(head, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Thrown by the handler to stop early. */
    static final class StopParsing extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Watches the QUERY_STATUS INFOs and, for a VOTable, passes every event on to
     * an optional next handler. Stops (throws {@link StopParsing}) at a root that is
     * not VOTABLE and at the first error status.
     */
    private static final class StatusHandler extends DefaultHandler {
        private final ContentHandler next;
        String root;
        boolean hasTable;
        String error;
        boolean overflow;
        final List<Info> trailing = new ArrayList<>();
        private int depth;
        /** Depth of the first TABLE, 0 before it. */
        private int tableDepth;
        /**
         * Once the first TABLE's rows begin (its DATA; else its end): how many of the elements whose
         * INFOs are table metadata (the TABLE, then its ancestors) are still open; -1 before.
         */
        private int openAncestors = -1;
        private String statusValue;
        private String infoName;
        private String infoValue;
        private int infoDepth;
        private StringBuilder text;

        StatusHandler(ContentHandler next) {
            this.next = next;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            if (next != null) {
                next.setDocumentLocator(locator);
            }
        }

        @Override
        public void startDocument() throws SAXException {
            if (next != null) {
                next.startDocument();
            }
        }

        @Override
        public void endDocument() throws SAXException {
            if (next != null) {
                next.endDocument();
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            String name = TapXml.local(qName);
            depth++;
            if (root == null) {
                root = name;
                if (!"VOTABLE".equalsIgnoreCase(name)) {
                    throw new StopParsing();
                }
            }
            if ("TABLE".equals(name) && !hasTable) {
                hasTable = true;
                tableDepth = depth;
            } else if ("DATA".equals(name) && depth == tableDepth + 1 && openAncestors < 0) {
                openAncestors = tableDepth; // a streaming reader has the table's metadata from here on
            } else if ("INFO".equals(name)) {
                boolean status = "QUERY_STATUS".equalsIgnoreCase(TapXml.attr(atts, "name"));
                boolean afterTable = openAncestors >= 0 && depth - 1 <= openAncestors;
                if (status || afterTable) {
                    String v = TapXml.attr(atts, "value");
                    statusValue = status ? (v == null ? "" : v.trim()) : null;
                    infoName = afterTable ? nameOf(atts) : null;
                    infoValue = v;
                    infoDepth = depth;
                    text = new StringBuilder();
                }
            }
            if (next != null) {
                next.startElement(uri, localName, qName, atts);
            }
        }

        private static String nameOf(Attributes atts) {
            String n = TapXml.attr(atts, "name");
            return n != null ? n : TapXml.attr(atts, "ID");
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (text != null && text.length() < 100_000) {
                text.append(ch, start, length);
            }
            if (next != null) {
                next.characters(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (next != null) {
                next.ignorableWhitespace(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (next != null) {
                next.endElement(uri, localName, qName);
            }
            if (text != null && depth == infoDepth) {
                endInfo();
            }
            if (depth == tableDepth && openAncestors < 0) {
                openAncestors = depth - 1;
            } else if (openAncestors >= 0 && depth <= openAncestors) {
                openAncestors = depth - 1;
            }
            depth--;
        }

        private void endInfo() throws StopParsing {
            String body = text.toString().trim();
            text = null;
            if (infoName != null) {
                trailing.add(new Info(infoName, infoValue, body.isEmpty() ? null : body));
                infoName = null;
            }
            if (statusValue == null) {
                return;
            }
            String v = statusValue.toUpperCase(Locale.ROOT);
            if ("OVERFLOW".equals(v)) {
                overflow = true;
            } else if (!"OK".equals(v)) {
                if (!body.isEmpty()) {
                    error = body;
                } else if (!"ERROR".equals(v) && !v.isEmpty()) {
                    error = statusValue;
                } else {
                    error = "QUERY_STATUS=ERROR without a message";
                }
                throw new StopParsing();
            }
            statusValue = null;
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            if (next != null) {
                next.startPrefixMapping(prefix, uri);
            }
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            if (next != null) {
                next.endPrefixMapping(prefix);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (next != null) {
                next.processingInstruction(target, data);
            }
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            if (next != null) {
                next.skippedEntity(name);
            }
        }
    }
}
