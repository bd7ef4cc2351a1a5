package org.isosamp.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void finalNames() {
        assertEquals("file.tar", FileNames.finalName("file", "ISO1659972236.tar"));
        assertEquals("file.tar", FileNames.finalName("file.tar", "ISO1659972236.tar"));
        assertEquals("FILE.TAR", FileNames.finalName("FILE.TAR", "ISO1659972236.tar"));
        assertEquals("postcard.png", FileNames.finalName("postcard", "80001538.png"));
        assertEquals("x.fits.gz", FileNames.finalName("x", "a.fits.gz"));
        assertEquals("x.fits.gz", FileNames.finalName("x.fits", "a.fits.gz"));
        assertEquals("x.fits.gz", FileNames.finalName("x.fits.gz", "a.fits.gz"));
        assertEquals("v1.2.tar", FileNames.finalName("v1.2", "a.tar"));
        assertEquals("ISO1659972236.tar", FileNames.finalName(null, "ISO1659972236.tar"));
        assertEquals("noext", FileNames.finalName("noext", "server"));
    }

    @Test
    void sanitise() {
        assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
        assertEquals("download", FileNames.sanitise(".."));
        assertEquals("download", FileNames.sanitise(""));
        assertEquals("download", FileNames.sanitise(null));
        assertEquals("bashrc", FileNames.sanitise(".bashrc"));
        assertEquals("evil.tar", FileNames.sanitise("ev\0il.tar"));
        assertEquals("c.fits", FileNames.sanitise("a\\b\\c.fits"));
        assertEquals("a_b.tar", FileNames.sanitise("a:b.tar"));
        assertEquals(200, FileNames.sanitise("x".repeat(500) + ".tar").length());
    }

    @Test
    void contentDisposition() {
        assertEquals("a b.tar", ContentDisposition.filename("attachment; filename=\"a b.tar\""));
        assertEquals("a.tar", ContentDisposition.filename("inline;filename=a.tar ; size=3"));
        assertEquals("é.fits", ContentDisposition.filename("attachment; filename*=UTF-8''%C3%A9.fits"));
        assertEquals("q\"x.tar", ContentDisposition.filename("attachment; filename=\"q\\\"x.tar\""));
        assertEquals("fallback.tar", ContentDisposition.filename("attachment; filename*=bogus''%ZZ; filename=fallback.tar"));
        assertNull(ContentDisposition.filename("attachment"));
        assertNull(ContentDisposition.filename(null));
        assertNull(ContentDisposition.filename("attachment; filename=\"\""));
    }

    @Test
    void serverNameWithoutHeader() {
        HttpUrl u = HttpUrl.get("http://h/data?retrieval_type=POSTCARD&tdt=80001538");
        assertEquals("80001538.png", FileNames.serverName(null, MediaType.get("image/png"), u));
        assertEquals("80001538.gz", FileNames.serverName("", MediaType.get("application/gzip"), u));
        assertEquals("80001538", FileNames.serverName(null, null, u));
        assertEquals("data.fits", FileNames.serverName(null, MediaType.get("application/fits"),
            HttpUrl.get("http://h/data?x=1")));
    }

    @Test
    void insideRejectsEscapes() {
        Path d = Path.of("/tmp/x");
        assertThrows(IOException.class, () -> FileNames.inside(d, "../y"));
        assertThrows(IOException.class, () -> FileNames.inside(d, "a/b"));
        assertThrows(IOException.class, () -> FileNames.inside(d, ".."));
    }

    @Test
    void aRequestedNameIsTakenAsItIsOrRefused() {
        assertEquals("a:b.tar", FileNames.finalName("a:b", "x.tar"), "never renamed");
        assertEquals(".hidden.tar", FileNames.finalName(".hidden", "x.tar"));
        for (String bad : new String[] {"nodir2/x", "../escape", "a\\b", ".", "..", " ", "tab\tname"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FileNames.finalName(bad, "x.tar"), bad);
            assertEquals("file name \"" + bad.replace('\t', '?') + "\" is not a plain file name: ",
                e.getMessage().substring(0, e.getMessage().indexOf(": ") + 2), e.getMessage());
        }
        assertEquals("file name \"nodir2/x\" is not a plain file name: it has a folder in it; give the folder as"
            + " the target directory instead",
            assertThrows(IllegalArgumentException.class, () -> FileNames.requireBareName("nodir2/x")).getMessage());
    }
}
