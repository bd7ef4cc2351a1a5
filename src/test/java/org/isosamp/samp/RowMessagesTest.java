package org.isosamp.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Response;
import org.isosamp.testing.FakeViewer;
import org.isosamp.testing.TestBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** table.highlight.row and table.select.rowList, both ways, between iso-samp and a TOPCAT stand-in on a real hub. */
class RowMessagesTest {

    @RegisterExtension
    final TestBus bus = new TestBus();

    private SampClient samp;
    private SentTables tables;
    private RecordingListener rejected;
    private FakeViewer topcat;
    private SentTable sent;
    private final LinkedBlockingQueue<String> rows = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        tables = new SentTables();
        sent = new SentTable("iso-samp-7", new URL("http://127.0.0.1:1/iso-samp/7/obscore.vot"),
                             "ivoa.obscore near 10.6847 +41.2690 r=0.1deg", Path.of("obscore.vot"), 10);
        tables.add(sent);
        tables.addRowListener(new SentTables.RowListener() {
            @Override
            public void highlighted(SentTable t, long row, String senderId) {
                rows.add("highlight " + t.tableId() + " " + row + " " + senderId);
            }

            @Override
            public void selected(SentTable t, long[] r, String senderId) {
                rows.add("select " + t.tableId() + " " + java.util.Arrays.toString(r) + " " + senderId);
            }
        });
        RowMessageHandler handler = new RowMessageHandler(tables);
        rejected = new RecordingListener();
        handler.addListener(rejected);
        samp = bus.samp();
        samp.addHandler(handler);
        bus.connect(0);
        topcat = new FakeViewer(bus.hub(), "topcat", RowMessageHandler.HIGHLIGHT, RowMessageHandler.SELECT);
    }

    @AfterEach
    void stop() {
        topcat.close();
    }

    private Response call(Message m) throws Exception {
        return topcat.connector().callAndWait(samp.selfId(), m, 10);
    }

    private String nextRow() throws InterruptedException {
        return rows.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void highlightByTableIdOrUrlTellsTheRowListeners() throws Exception {
        Response r = call(new Message(RowMessageHandler.HIGHLIGHT).addParam("table-id", "iso-samp-7")
                              .addParam("row", "3"));
        assertTrue(r.isOK(), String.valueOf(r));
        assertEquals("highlight iso-samp-7 3 " + topcat.id(), nextRow());
        // Aladin notifies, and may name the table by URL only
        topcat.connector().getConnection().notify(samp.selfId(), new Message(RowMessageHandler.HIGHLIGHT)
            .addParam("url", sent.url().toString()).addParam("row", "9"));
        assertEquals("highlight iso-samp-7 9 " + topcat.id(), nextRow());
    }

    @Test
    void selectTellsTheRowListeners() throws Exception {
        assertTrue(call(new Message(RowMessageHandler.SELECT).addParam("table-id", "iso-samp-7")
                            .addParam("url", sent.url().toString()).addParam("row-list", List.of("0", "2", "9")))
                       .isOK());
        assertEquals("select iso-samp-7 [0, 2, 9] " + topcat.id(), nextRow());
        assertTrue(call(new Message(RowMessageHandler.SELECT).addParam("table-id", "iso-samp-7")
                            .addParam("row-list", List.of())).isOK());
        assertEquals("select iso-samp-7 [] " + topcat.id(), nextRow());
    }

    @Test
    void unknownTablesAndBadRowsAreRefusedNamingTheParameter() throws Exception {
        String h = RowMessageHandler.HIGHLIGHT;
        String s = RowMessageHandler.SELECT;
        Map<Message, String> cases = new java.util.LinkedHashMap<>();
        cases.put(new Message(h).addParam("table-id", "topcat-3").addParam("row", "1"),
                  "parameter \"table-id\" is \"topcat-3\", not a table iso-samp sent");
        cases.put(new Message(h).addParam("url", "http://elsewhere/t.vot").addParam("row", "1"),
                  "parameter \"url\" is \"http://elsewhere/t.vot\", not a table iso-samp sent");
        cases.put(new Message(h).addParam("row", "1"), "needs parameter \"table-id\" or \"url\"");
        cases.put(new Message(h).addParam("table-id", "iso-samp-7"), "required parameter \"row\" is missing");
        cases.put(new Message(h).addParam("table-id", "iso-samp-7").addParam("row", "10"),
                  "parameter \"row\" is \"10\", outside table \"ivoa.obscore near 10.6847 +41.2690 r=0.1deg\""
                  + " (10 rows, 0 to 9)");
        cases.put(new Message(h).addParam("table-id", "iso-samp-7").addParam("row", "-1"), "\"row\" is \"-1\"");
        cases.put(new Message(h).addParam("table-id", "iso-samp-7").addParam("row", "2.0"),
                  "parameter \"row\" is \"2.0\", not a SAMP int");
        cases.put(new Message(h).addParam("table-id", "iso-samp-7").addParam("row", "99999999999999999999"),
                  "not a SAMP int");
        cases.put(new Message(h).addParam("table-id", "iso-samp-7").addParam("row", List.of("1")),
                  "parameter \"row\" must be a string, not a list");
        cases.put(new Message(h).addParam("table-id", List.of("iso-samp-7")).addParam("row", "1"),
                  "parameter \"table-id\" must be a string, not a list");
        cases.put(new Message(h).addParam("table-id", "iso-samp-7").addParam("row", "1").addParam("rows", "2"),
                  "unknown parameter \"rows\"");
        cases.put(new Message(s).addParam("table-id", "iso-samp-7").addParam("row-list", List.of("1", "x")),
                  "parameter \"row-list[1]\" is \"x\", not a SAMP int");
        cases.put(new Message(s).addParam("table-id", "iso-samp-7").addParam("row-list", List.of("1", "12")),
                  "parameter \"row-list[1]\" is \"12\", outside table");
        cases.put(new Message(s).addParam("table-id", "iso-samp-7").addParam("row-list", List.of(List.of("1"))),
                  "parameter \"row-list[0]\" must be a SAMP int, not a list");
        cases.put(new Message(s).addParam("table-id", "iso-samp-7").addParam("row-list", "1"),
                  "parameter \"row-list\" must be a list of SAMP ints, not a string");
        cases.put(new Message(s).addParam("table-id", "iso-samp-7"), "required parameter \"row-list\" is missing");
        for (Map.Entry<Message, String> c : cases.entrySet()) {
            Response r = call(c.getKey());
            assertEquals(Response.ERROR_STATUS, r.getStatus(), c.getKey() + " -> " + r);
            String txt = r.getErrInfo().getErrortxt();
            assertTrue(txt.startsWith(c.getKey().getMType() + ": ") && txt.contains(c.getValue()),
                "\"" + txt + "\" should say " + c.getValue());
        }
        assertEquals(cases.size(), rejected.awaitCount("rejected", cases.size(), 10_000).size());
        assertEquals(null, rows.poll(), "no row listener told");
    }

    @Test
    void ourOwnRowPicksReachTheOtherClients() throws Exception {
        RowSender sender = new RowSender(samp);
        List<String> to = sender.highlight(sent, 4);
        assertEquals(List.of(topcat.id()), to);
        FakeViewer.Received got = topcat.next(Duration.ofSeconds(10));
        assertNotNull(got);
        assertEquals(samp.selfId(), got.senderId());
        assertEquals(RowMessageHandler.HIGHLIGHT, got.message().getMType());
        assertEquals("iso-samp-7", got.message().getParam("table-id"));
        assertEquals(sent.url().toString(), got.message().getParam("url"));
        assertEquals("4", got.message().getParam("row"));

        sender.select(sent, new long[] {1, 2, 9});
        got = topcat.next(Duration.ofSeconds(10));
        assertEquals(RowMessageHandler.SELECT, got.message().getMType());
        assertEquals(List.of("1", "2", "9"), got.message().getParam("row-list"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sender.highlight(sent, 10));
        assertTrue(e.getMessage().contains("row 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sender.select(sent, new long[] {0, -1}));
        assertEquals(null, rows.poll(), "our own messages are not handed back to us");
    }
}
