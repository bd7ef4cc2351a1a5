package org.isosamp.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.ac.starlink.fits.AbstractFitsTableWriter;
import uk.ac.starlink.fits.StringEncoder;
import uk.ac.starlink.table.StarTableOutput;

/** FitsAscii gives exactly the bytes of STIL's default FITS string encoding, for any text. */
class FitsAsciiTest {

    static List<String> samples() {
        List<String> s = new ArrayList<>(List.of("", "M31", "NGC 6543 ", "tab\there", "line\nbreak", "caf\u00e9",
            "\u00a0nbsp", "~\u007f\u0080", "emoji \ud83d\ude00 end", "lone \ud800 high", "lone \udc00 low",
            "\ud83d\ude00\ud83d\ude00", "Polygon ICRS 10.68529 41.27232 10.68596 41.26679"));
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                int kind = r.nextInt(10);
                b.append(kind < 6 ? (char) (32 + r.nextInt(95)) : kind < 8 ? (char) r.nextInt(0x800)
                         : (char) (0xd700 + r.nextInt(0x900))); // surrogates, paired or not
            }
            s.add(b.toString());
        }
        return s;
    }

    @Test
    void sameBytesAsStilsDefault() {
        StringEncoder stil = StringEncoder.SQUASH_TO_ASCII;
        for (String s : samples()) {
            assertArrayEquals(stil.toBytes(s), FitsAscii.INSTANCE.toBytes(s), s);
            for (int size : new int[] {0, 1, 3, 8, 64}) {
                byte[] a = new byte[size];
                byte[] b = new byte[size];
                assertEquals(stil.copyToBytes(s, a), FitsAscii.INSTANCE.copyToBytes(s, b), s + " into " + size);
                assertArrayEquals(a, b, s + " into " + size);
            }
        }
    }

    @Test
    void installedOnlyInPlaceOfTheDefault() throws Exception {
        StarTableOutput sto = new StarTableOutput();
        AbstractFitsTableWriter fits = (AbstractFitsTableWriter) FitsAscii.install(sto.getHandler("fits"));
        assertSame(FitsAscii.INSTANCE, fits.getUnicodeHandler());
        AbstractFitsTableWriter other = (AbstractFitsTableWriter) sto.getHandler("fits");
        StringEncoder custom = new StringEncoder("custom") {
            @Override
            public byte[] toBytes(String s) {
                return new byte[0];
            }

            @Override
            public int copyToBytes(String s, byte[] buf) {
                return 0;
            }
        };
        other.setUnicodeHandler(custom);
        assertSame(custom, ((AbstractFitsTableWriter) FitsAscii.install(other)).getUnicodeHandler());
        assertEquals("CSV", FitsAscii.install(sto.getHandler("csv")).getFormatName());
    }

    @Test
    void tableFilesInstallsItWhereStilHasTheEncoder() throws Exception {
        // STIL 4.3.5 here; on STIL 4.1.3 (TOPCAT 4.8.7) TableFilesOnStil41Test shows the writer left alone
        StarTableOutput sto = new StarTableOutput();
        AbstractFitsTableWriter fits = (AbstractFitsTableWriter) TableFiles.fastFitsStrings(sto.getHandler("fits"));
        assertSame(FitsAscii.INSTANCE, fits.getUnicodeHandler());
        assertEquals("CSV", TableFiles.fastFitsStrings(sto.getHandler("csv")).getFormatName());
    }
}
