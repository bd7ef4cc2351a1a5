package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.isosamp.model.ColumnMeta;
import org.isosamp.model.TableMeta;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses a VOSI tableset namespace-agnostically: the strict IVOA
 * {@code vosi:tableset} (VODataService, unprefixed children), ESA's TAP+
 * flavour with {@code esatapplus:} attributes, and prefixed children alike.
 * Only element local names are looked at; unknown elements and attributes
 * are ignored. Stateless; thread-safe.
 */
final class VosiTables {

    private VosiTables() {
    }

    /**
     * @param in          the tableset document
     * @param withColumns keep the columns (false: drop them even if the service sent them)
     * @return the tables in document order
     * @throws SAXException when the document is not XML or its root is not a tableset
     */
    static List<TableMeta> parse(InputStream in, boolean withColumns) throws IOException, SAXException {
        Handler h = new Handler(withColumns);
        TapXml.parse(in, h);
        if (!h.sawTableset) {
            throw new SAXException("not a VOSI tableset (root element " + h.root + ")");
        }
        return h.tables;
    }

    private static final class Handler extends DefaultHandler {
        final boolean withColumns;
        final List<TableMeta> tables = new ArrayList<>();
        final Deque<String> stack = new ArrayDeque<>();
        String root;
        boolean sawTableset;
        private StringBuilder text = new StringBuilder();
        // current table
        private String tName;
        private String tDesc;
        private List<ColumnMeta> cols;
        // current column
        private boolean inColumn;
        private String cName;
        private String cType;
        private String cSize;
        private String cUnit;
        private String cUcd;
        private String cUtype;
        private String cDesc;

        Handler(boolean withColumns) {
            this.withColumns = withColumns;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            String name = TapXml.local(qName);
            if (root == null) {
                root = qName;
                // a single <table> (VOSI /tables/{name}) is accepted too
                sawTableset = "tableset".equals(name) || "table".equals(name);
            }
            String parent = stack.peek();
            stack.push(name);
            text.setLength(0);
            if ("table".equals(name)) {
                tName = null;
                tDesc = null;
                cols = new ArrayList<>();
            } else if ("column".equals(name) && "table".equals(parent)) {
                inColumn = true;
                cName = cType = cSize = cUnit = cUcd = cUtype = cDesc = null;
            } else if ("dataType".equals(name) && inColumn) {
                cSize = TapXml.attr(atts, "arraysize");
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String name = stack.pop();
            String parent = stack.peek();
            String value = text.toString().trim();
            text.setLength(0);
            if ("column".equals(parent) && inColumn) {
                switch (name) {
                    case "name" -> cName = value;
                    case "dataType" -> cType = nullIfEmpty(value);
                    case "unit" -> cUnit = nullIfEmpty(value);
                    case "ucd" -> cUcd = nullIfEmpty(value);
                    case "utype" -> cUtype = nullIfEmpty(value);
                    case "description" -> cDesc = nullIfEmpty(value);
                    default -> { }
                }
            } else if ("table".equals(parent) && cols != null) {
                if ("name".equals(name)) {
                    tName = value;
                } else if ("description".equals(name)) {
                    tDesc = value;
                }
            }
            if ("column".equals(name) && inColumn) {
                inColumn = false;
                if (withColumns && cName != null && !cName.isEmpty()) {
                    cols.add(new ColumnMeta(cName, cType, nullIfEmpty(cSize), cUnit, cUcd, cUtype, cDesc));
                }
            } else if ("table".equals(name) && cols != null) {
                if (tName != null && !tName.isEmpty()) {
                    tables.add(new TableMeta(tName, tDesc, cols));
                }
                cols = null;
            }
        }

        private static String nullIfEmpty(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
