package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Leaving out the base64 text of STREAM elements changes nothing the XML parser
 * judges: the same elements and attributes, the same text outside STREAMs, the
 * same verdict on malformed documents, the same QUERY_STATUS.
 */
class StreamTextSkipperTest {

    /** The events of a parse, but the text inside STREAM elements; or the parser's complaint. */
    static List<String> events(byte[] doc, boolean skip) throws IOException {
        List<String> out = new ArrayList<>();
        InputStream in = new ByteArrayInputStream(doc);
        if (skip) {
            in = new StreamTextSkipper(in);
        }
        try {
            TapXml.parse(in, new DefaultHandler() {
                int inStream;
                StringBuilder text = new StringBuilder();

                void flush() {
                    if (text.length() > 0) {
                        out.add("text " + text);
                        text.setLength(0);
                    }
                }

                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) {
                    flush();
                    StringBuilder e = new StringBuilder("start " + qName);
                    for (int i = 0; i < atts.getLength(); i++) {
                        e.append(' ').append(atts.getQName(i)).append('=').append(atts.getValue(i));
                    }
                    out.add(e.toString());
                    if (TapXml.local(qName).equals("STREAM")) {
                        inStream++;
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    flush();
                    out.add("end " + qName);
                    if (TapXml.local(qName).equals("STREAM")) {
                        inStream--;
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (inStream == 0) {
                        text.append(ch, start, length);
                    }
                }

                @Override
                public void processingInstruction(String target, String data) {
                    flush();
                    out.add("pi " + target + " " + data);
                }
            });
        } catch (SAXException e) {
            out.add("MALFORMED");
        }
        return out;
    }

    static void assertSameToTheParser(String doc) throws IOException {
        byte[] b = doc.getBytes(StandardCharsets.UTF_8);
        assertEquals(events(b, false), events(b, true), doc);
        TapVotable.Status plain = TapVotable.scan(new ByteArrayInputStream(b));
        TapVotable.Status skipped = TapVotable.scan(new StreamTextSkipper(new ByteArrayInputStream(b)));
        assertEquals(plain.votable(), skipped.votable(), doc);
        assertEquals(plain.error(), skipped.error(), doc);
        assertEquals(plain.overflow(), skipped.overflow(), doc);
        assertEquals(plain.hasTable(), skipped.hasTable(), doc);
        assertEquals(plain.trailing(), skipped.trailing(), doc);
        assertEquals(plain.malformed() == null, skipped.malformed() == null, doc);
    }

    static String vot(String body) {
        return "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\"><RESOURCE type=\"results\">"
               + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE><FIELD name=\"n\" datatype=\"int\"/><DATA><BINARY2>"
               + body + "</BINARY2></DATA></TABLE><INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/></RESOURCE></VOTABLE>";
    }

    @Test
    void edgeCasesLookTheSameToTheParser() throws IOException {
        for (String body : List.of(
            "<STREAM encoding=\"base64\">QUJDRA==\nRUZH\r\n</STREAM>",
            "<STREAM encoding='base64' note=\"a > b\">QUJD</STREAM>",
            "<vot:STREAM xmlns:vot=\"urn:x\">QUJD</vot:STREAM>",
            "<STREAM/>", "<STREAM />", "<STREAMING>QUJD</STREAMING>", "<XSTREAM>QUJD</XSTREAM>",
            "<STREAM>QU&#74;D</STREAM>", "<STREAM>QU&amp;JD</STREAM>", "<STREAM>QU<!-- c -->JD</STREAM>",
            "<STREAM>QU<![CDATA[ <x> ]]>JD</STREAM>", "<STREAM>QU<?pi x?>JD</STREAM>", "<STREAM>QU.JD</STREAM>",
            "<!-- <STREAM> --><STREAM>QUJD</STREAM>", "<![CDATA[<STREAM>]]><x>QUJD</x>",
            "<STREAM>\u00e9QUJD</STREAM>", "<STREAM>QUJD\u00e9</STREAM>",
            // malformed, and must stay so
            "<STREAM>QUJD</STREAMX>", "<STREAM>QU<JD</STREAM>", "<STREAM>QU]]>JD</STREAM>",
            "<STREAM>QU\u0001JD</STREAM>", "<STREAM>QUJD", "<STREAM>QU&bogus;JD</STREAM>",
            "<STREAM>QUJD</STREAM></BINARY2>")) {
            assertSameToTheParser(vot(body));
        }
        assertSameToTheParser("<!DOCTYPE VOTABLE [<!ENTITY e \"<STREAM>\">]><VOTABLE><STREAM>QUJD</STREAM></VOTABLE>");
        assertSameToTheParser("<html><body><STREAM>QUJD</STREAM></body></html>");
    }

    @Test
    void randomDocumentsLookTheSameToTheParser() throws IOException {
        String[] tokens = {"<STREAM>", "</STREAM>", "<STREAM x='>'>", "<vot:STREAM>", "</vot:STREAM>", "<STREAM/>",
            "QUJD", "QUJD\n", "=", " ", "&amp;", "&#65;", "&", "<!--", "-->", "-", "<![CDATA[", "]]>", "]", "<?p x?>",
            "<a>", "</a>", "<a b=\"x\"/>", "<", ">", "/", "\"", "'", "\u00e9", "\u0001", "<INFO name=\"QUERY_STATUS\" value=\"ERROR\"/>"};
        Random r = new Random(20261124);
        int wellFormed = 0;
        for (int i = 0; i < 4000; i++) {
            StringBuilder b = new StringBuilder("<VOTABLE><TABLE/>");
            int n = 1 + r.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.append(tokens[r.nextInt(tokens.length)]);
            }
            b.append("</VOTABLE>");
            assertSameToTheParser(b.toString());
            if (!events(b.toString().getBytes(StandardCharsets.UTF_8), false).contains("MALFORMED")) {
                wellFormed++;
            }
        }
        assertTrue(wellFormed > 100, "enough well-formed cases: " + wellFormed);
    }

    @Test
    void aLocalArchiveAnswerIsCheckedWithoutParsingItsRows() throws IOException {
        OkHttpClient http = new OkHttpClient();
        Request req = new Request.Builder().url(SharedArchive.get().tapUrl() + "/sync").post(new FormBody.Builder()
            .add("REQUEST", "doQuery").add("LANG", "ADQL").add("FORMAT", "votable").add("MAXREC", "300")
            .add("QUERY", "SELECT * FROM ida.observations").build()).build();
        byte[] body;
        try (Response resp = http.newCall(req).execute()) {
            body = resp.body().bytes();
        }
        StreamTextSkipper skipper = new StreamTextSkipper(new ByteArrayInputStream(body));
        TapVotable.Status s = TapVotable.scan(skipper);
        assertNull(s.malformed());
        assertNull(s.error());
        assertTrue(s.votable() && s.hasTable() && s.overflow());
        assertTrue(skipper.skipped() > body.length * 0.8, skipper.skipped() + " of " + body.length);
        assertEquals(TapVotable.scan(new ByteArrayInputStream(body)).trailing(), s.trailing());
        assertNotNull(s.trailing());
    }
}
