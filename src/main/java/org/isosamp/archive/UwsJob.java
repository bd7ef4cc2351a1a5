package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The parts of a UWS job document the TAP client needs, read
 * namespace-agnostically ({@code uws:phase}, {@code phase}, any prefix).
 *
 * @param phase        the execution phase, upper case, or null when absent
 * @param resultHref   the href of the result with id "result", else of the first result, or null
 * @param errorMessage the text of errorSummary/message, or null
 */
record UwsJob(String phase, String resultHref, String errorMessage) {

    /** Parses a job document. */
    static UwsJob parse(InputStream in) throws IOException, SAXException {
        Handler h = new Handler();
        TapXml.parse(in, h);
        return new UwsJob(h.phase, h.named != null ? h.named : h.first, h.message);
    }

    private static final class Handler extends DefaultHandler {
        String phase;
        String first;
        String named;
        String message;
        private StringBuilder text;
        private boolean inErrorSummary;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            String name = TapXml.local(qName);
            switch (name) {
                case "phase" -> text = new StringBuilder();
                case "message" -> text = inErrorSummary ? new StringBuilder() : null;
                case "errorSummary" -> inErrorSummary = true;
                case "result" -> {
                    String href = TapXml.attr(atts, "href");
                    if (href != null && !href.isBlank()) {
                        if (first == null) {
                            first = href.trim();
                        }
                        if ("result".equals(TapXml.attr(atts, "id")) && named == null) {
                            named = href.trim();
                        }
                    }
                }
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
            String name = TapXml.local(qName);
            if ("phase".equals(name) && text != null) {
                phase = text.toString().trim().toUpperCase(java.util.Locale.ROOT);
            } else if ("message".equals(name) && text != null) {
                message = text.toString().trim();
            } else if ("errorSummary".equals(name)) {
                inErrorSummary = false;
            }
            if ("phase".equals(name) || "message".equals(name)) {
                text = null;
            }
        }
    }
}
