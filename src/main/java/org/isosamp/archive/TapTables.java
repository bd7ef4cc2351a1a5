package org.isosamp.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.RowStore;
import org.isosamp.table.TableParameters;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.votable.TableContentHandler;
import uk.ac.starlink.votable.TableHandler;

/**
 * The STIL half of reading a TAP answer: in the same SAX pass as
 * {@link TapVotable}'s status check, STIL's {@link TableContentHandler}
 * decodes the first TABLE and its rows go to a {@link TableSink} as they are
 * parsed (nothing is buffered or parsed twice). Loaded only when rows are
 * wanted: saving an answer as VOTable never touches STIL. Stateless; thread-safe.
 */
final class TapTables {

    private TapTables() {
    }

    /** The outcome of one pass. */
    record Answer(TapVotable.Status status, IOException sinkFailure) {
    }

    /**
     * Reads an answer in one pass, checking its QUERY_STATUS and sending its first
     * table to {@code sink}: {@code acceptMetadata} (the table named {@code name}), the
     * rows, then {@code endRows} once the table's data is complete. The sink knows only
     * then whether the answer is good: an ERROR status may still follow (see the result).
     *
     * @param name the table's name when the TABLE has none (as STIL names a table after its source)
     * @return the status; and the sink's own failure, if it failed (the pass then stopped)
     * @throws IOException on a read failure of {@code in}
     */
    static Answer stream(InputStream in, TableSink sink, String name) throws IOException {
        FirstTable first = new FirstTable(sink, name);
        TableContentHandler tch = new TableContentHandler(true);
        tch.setReadHrefTables(true);
        tch.setTableHandler(first);
        Unwinder unwinder = new Unwinder(tch);
        TapVotable.Status status;
        try {
            status = TapVotable.scan(in, unwinder);
        } finally {
            if (unwinder.stoppedHalfWay()) {
                // STIL decodes an inline STREAM on a thread of its own that waits for the STREAM's end:
                // end the open elements (the sink hears nothing more) so that it stops
                first.aborted = true;
                unwinder.unwind();
            }
        }
        return new Answer(status, first.failure);
    }

    /**
     * @return the INFOs as STIL table parameters, made as STIL's VOTable reader makes them
     *         (name, String value, the INFO's text as description)
     */
    static List<DescribedValue> parameters(List<TapVotable.Info> infos) {
        List<DescribedValue> out = new ArrayList<>(infos.size());
        for (TapVotable.Info i : infos) {
            out.add(new DescribedValue(new DefaultValueInfo(i.name(), String.class, i.content()), i.value()));
        }
        return out;
    }

    /**
     * STIL's metadata table for a TABLE being streamed reads its parameters lazily from the
     * document skeleton, which keeps growing after the rows; so whether the INFOs after the
     * table show up would depend on when a writer first asks. Ask now: the parameters are
     * those that precede the rows, and the reader appends the trailing INFOs itself.
     *
     * @param name the name when the TABLE has none (STIL then says "votable")
     */
    private static StarTable frozen(StarTable meta, String name) {
        String own = meta.getName();
        String n = name != null && (own == null || own.isBlank() || own.equals("votable")) ? name : own;
        return TableParameters.fixed(meta, n, meta.getParameters());
    }

    /** A sink that keeps the rows in storage of a STIL policy, for random access afterwards. */
    static final class StoreSink implements TableSink {
        private final StoragePolicy storage;
        private RowStore store;

        StoreSink(StoragePolicy storage) {
            this.storage = storage;
        }

        @Override
        public void acceptMetadata(StarTable meta) {
            store = storage.makeConfiguredRowStore(meta);
        }

        @Override
        public void acceptRow(Object[] row) throws IOException {
            store.acceptRow(row);
        }

        @Override
        public void endRows() throws IOException {
            store.endRows();
        }

        /** @return the rows, random access; null when no table came */
        StarTable table() {
            return store == null ? null : store.getStarTable();
        }
    }

    /** Passes the first table to the sink, ignores the others; records the sink's failure. */
    private static final class FirstTable implements TableHandler {
        private final TableSink sink;
        private final String name;
        private boolean seen;
        private boolean done;
        volatile boolean aborted;
        volatile IOException failure;

        FirstTable(TableSink sink, String name) {
            this.sink = sink;
            this.name = name;
        }

        @Override
        public void startTable(StarTable meta) throws SAXException {
            if (seen || aborted) {
                return;
            }
            seen = true;
            try {
                sink.acceptMetadata(frozen(meta, name));
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public void rowData(Object[] row) throws SAXException {
            if (done || aborted) {
                return;
            }
            try {
                sink.acceptRow(row);
            } catch (IOException e) {
                throw fail(e);
            }
        }

        @Override
        public void endTable() throws SAXException {
            if (done || aborted) {
                return;
            }
            done = true;
            try {
                sink.endRows();
            } catch (IOException e) {
                throw fail(e);
            }
        }

        private SAXException fail(IOException e) {
            if (failure == null) {
                failure = e;
            }
            aborted = true;
            return new SAXException("table sink failed: " + e.getMessage(), e);
        }
    }

    /**
     * Passes events on to STIL's handler and remembers the open elements, so that a pass
     * that stops half way can close them (STIL's decoding thread waits for the end of its STREAM).
     * A first TABLE without DATA (an empty result may come so) gets an empty DATA before its end,
     * since STIL's handler announces a table only at its DATA.
     */
    private static final class Unwinder extends DefaultHandler {
        private final TableContentHandler next;
        private final Deque<String[]> open = new ArrayDeque<>();
        /** Depth of the first TABLE while it is open, else 0; -1 once it has ended. */
        private int tableDepth;
        private boolean dataSeen;

        Unwinder(TableContentHandler next) {
            this.next = next;
        }

        boolean stoppedHalfWay() {
            return !open.isEmpty();
        }

        void unwind() {
            while (!open.isEmpty()) {
                String[] e = open.pop();
                try {
                    next.endElement(e[0], e[1], e[2]);
                } catch (SAXException | RuntimeException ignored) {
                    // the pass has failed already: this only releases STIL's resources
                }
            }
        }

        @Override
        public void setDocumentLocator(org.xml.sax.Locator locator) {
            next.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            open.push(new String[] {uri, localName, qName});
            String name = TapXml.local(qName);
            if (tableDepth == 0 && name.equals("TABLE")) {
                tableDepth = open.size();
            } else if (tableDepth > 0 && open.size() == tableDepth + 1 && name.equals("DATA")) {
                dataSeen = true;
            }
            next.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (tableDepth > 0 && open.size() == tableDepth) {
                tableDepth = -1;
                if (!dataSeen) {
                    String prefix = qName.substring(0, qName.length() - TapXml.local(qName).length());
                    Attributes none = new org.xml.sax.helpers.AttributesImpl();
                    next.startElement(uri, "DATA", prefix + "DATA", none);
                    next.startElement(uri, "TABLEDATA", prefix + "TABLEDATA", none);
                    next.endElement(uri, "TABLEDATA", prefix + "TABLEDATA");
                    next.endElement(uri, "DATA", prefix + "DATA");
                }
            }
            open.pop();
            next.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            next.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            next.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            next.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            next.skippedEntity(name);
        }
    }
}
