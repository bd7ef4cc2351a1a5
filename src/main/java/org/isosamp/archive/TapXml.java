package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML plumbing shared by the TAP client: a SAX parser that is not namespace
 * aware (so {@code vosi:tableset}, {@code uws:phase} and unprefixed elements
 * all look alike after {@link #local}) and resolves no external entities
 * (XXE), no DTDs from the network.
 * Stateless; thread-safe.
 */
final class TapXml {

    private TapXml() {
    }

    /** @return a fresh SAX parser with external entities and DTD loading disabled */
    static SAXParser newParser() throws IOException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            trySet(f, "http://xml.org/sax/features/external-general-entities", false);
            trySet(f, "http://xml.org/sax/features/external-parameter-entities", false);
            trySet(f, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser p = f.newSAXParser();
            try {
                p.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                p.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            } catch (SAXException ignored) {
                // parser without JAXP 1.5 properties: the features above still apply
            }
            return p;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("no usable XML parser: " + e.getMessage(), e);
        }
    }

    private static void trySet(SAXParserFactory f, String feature, boolean value) {
        try {
            f.setFeature(feature, value);
        } catch (ParserConfigurationException | SAXException ignored) {
            // not supported by this parser: secure processing still applies
        }
    }

    /** Parses a stream; the handler sees qualified names, use {@link #local}. */
    static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        InputSource src = new InputSource(in);
        newParser().parse(src, handler);
    }

    /** Parses a string. */
    static void parse(String xml, DefaultHandler handler) throws IOException, SAXException {
        newParser().parse(new InputSource(new StringReader(xml)), handler);
    }

    /** @return the name without any prefix: {@code uws:phase} gives {@code phase} */
    static String local(String qName) {
        int i = qName.indexOf(':');
        return i < 0 ? qName : qName.substring(i + 1);
    }

    /** @return the value of the attribute whose local name is {@code name}, whatever its prefix, or null */
    static String attr(org.xml.sax.Attributes atts, String name) {
        String v = atts.getValue(name);
        if (v != null) {
            return v;
        }
        for (int i = 0; i < atts.getLength(); i++) {
            if (local(atts.getQName(i)).equals(name)) {
                return atts.getValue(i);
            }
        }
        return null;
    }
}
