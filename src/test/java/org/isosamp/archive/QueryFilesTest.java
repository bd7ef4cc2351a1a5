package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.isosamp.io.IfExists;
import org.isosamp.io.OutputTarget;
import org.isosamp.testing.SharedArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableFormatException;

/** {@link IsoArchive#queryToFile} and {@link QueryFiles}: the one way a query's answer becomes a file. */
class QueryFilesTest {

    private static final String M31 = TapClientLocalTest.M31;

    private final AtomicInteger requests = new AtomicInteger();

    /** The shared local archive, through a client that counts the requests it sends. */
    private IsoArchive archive() {
        OkHttpClient http = IsoArchive.defaultHttpClient().newBuilder().addInterceptor(chain -> {
            requests.incrementAndGet();
            return chain.proceed(chain.request());
        }).build();
        return new IsoArchive(HttpUrl.get(SharedArchive.get().baseUrl().toString()), http, null);
    }

    private static QueryRequest m31(long maxrec) {
        return QueryRequest.builder(M31).maxrec(maxrec).build();
    }

    @Test
    void aVotableIsTheArchivesOwnAnswerSavedAsItCame(@TempDir Path dir) throws Exception {
        IsoArchive ida = archive();
        Path vot = dir.resolve("m31.VOT");
        QueryFiles.Saved saved = ida.queryToFile(m31(10_000), OutputTarget.file(vot, IfExists.REFUSE), null);
        assertEquals(-1, saved.rows(), "not counted: the bytes were not parsed");
        assertFalse(saved.overflow());
        Path asSent = dir.resolve("as-sent.vot");
        ida.queryToVotable(m31(10_000), OutputTarget.file(asSent, IfExists.REFUSE));
        assertEquals(-1, Files.mismatch(asSent, vot), "the same bytes as the archive's own answer");
        assertTrue(Files.readString(vot, StandardCharsets.UTF_8).contains("<BINARY2"), "the archive's encoding");
        StarTable t = new StarTableFactory(true).makeStarTable(vot.toString());
        assertEquals(ida.query(m31(10_000)).table().getRowCount(), t.getRowCount());
    }

    @Test
    void otherFormatsGetTheRowsStreamedAndCountedWithTheOverflowKept(@TempDir Path dir) throws Exception {
        IsoArchive ida = archive();
        long all = ida.query(m31(10_000)).table().getRowCount();
        assertTrue(all > 3, "the seed has more than 3 rows in the M31 cone: " + all);

        Path csv = dir.resolve("m31.csv");
        QueryFiles.Saved saved = ida.queryToFile(m31(10_000), OutputTarget.file(csv, IfExists.REFUSE), null);
        assertEquals(all, saved.rows());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("tdt,ra,dec,aotname,target", lines.get(0));
        assertEquals(all + 1, lines.size());

        // the format wins over the name, and the trailing QUERY_STATUS=OVERFLOW reaches the file's header
        Path ecsv = dir.resolve("m31.vot");
        QueryFiles.Saved cut = ida.queryToFile(m31(3), OutputTarget.file(ecsv, IfExists.REFUSE), "ecsv");
        assertTrue(cut.overflow());
        assertEquals(3, cut.rows());
        String text = Files.readString(ecsv);
        assertTrue(text.startsWith("# %ECSV"), text);
        assertTrue(text.contains("OVERFLOW"), text);
    }

    @Test
    void anUnknownFormatCostsNoQueryAndLeavesNoFile(@TempDir Path dir) throws Exception {
        IsoArchive ida = archive();
        Path file = dir.resolve("x.csv");
        TableFormatException e = assertThrows(TableFormatException.class,
                () -> ida.queryToFile(m31(10), OutputTarget.file(file, IfExists.REFUSE), "nope"));
        assertTrue(e.getMessage().startsWith("unknown output format \"nope\" (known: "), e.getMessage());
        assertEquals(0, requests.get(), "nothing was sent");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void checkFormatTellsAVotableByFormatOrNameAndRefusesWhatStilCannotWrite() throws Exception {
        assertTrue(QueryFiles.isVotable(null, "a/b.Votable"));
        assertTrue(QueryFiles.isVotable(" VOTable ", "x.csv"));
        assertTrue(QueryFiles.isVotable("", "x.xml"));
        assertFalse(QueryFiles.isVotable("csv", "x.vot"));
        assertFalse(QueryFiles.isVotable(null, "standard output"));
        QueryFiles.checkFormat(null, "x.vot");
        QueryFiles.checkFormat("fits", "-");
        QueryFiles.checkFormat(null, "x.ecsv");
        TableFormatException byName = assertThrows(TableFormatException.class,
                () -> QueryFiles.checkFormat(null, "dir/x.nope"));
        assertTrue(byName.getMessage().startsWith("cannot tell the output format from \"x.nope\""),
                   byName.getMessage());
        assertThrows(TableFormatException.class, () -> QueryFiles.checkFormat("nope", "x.csv"));
    }
}
