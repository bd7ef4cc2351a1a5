package org.isosamp.topcat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.ArchiveSearch.Field;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.QueryRequest;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableScheme;
import uk.ac.starlink.table.TableSequence;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * The {@code :iso:} table scheme: a table location that is a query of ISO's archive, so that TOPCAT (or STILTS, or
 * any STIL {@link StarTableFactory}) loads it as it loads a file:
 *
 * <pre>
 * topcat ':iso:80000203'                                   # that observation's row of ida.observations
 * topcat ':iso:cone=M31,0.1'                               # ida.observations within 0.1 degrees of M31
 * topcat ':iso:cone=10.684708 41.26875,0.1'                # the same around a position (ICRS degrees)
 * topcat ':iso:SELECT TOP 10 * FROM ivoa.ssap'             # any ADQL (SELECT or WITH)
 * </pre>
 *
 * TOPCAT learns the scheme from {@code -Dstartable.schemes=org.isosamp.topcat.IsoTableScheme}, which
 * {@code iso-samp topcat} sets. The archive is the one {@value ArchiveSettings#PROPERTY} names ({@code iso-samp
 * topcat --archive ...} sets it: {@code local}'s URL, another URL), else production. MAXREC is
 * {@value QueryRequest#DEFAULT_MAXREC}; a result cut there says so in its name, and the table comes with its sky
 * columns in degrees first, as the load dialog's ({@link IsoTableLoader}, which runs the query). Only STIL 4.1.3's
 * {@code TableScheme} API is used (TOPCAT 4.8.7's). Thread-safe: each table is its own query; the archives opened are
 * shared by every instance and kept until the JVM exits (a table's product URLs stay valid).
 */
public class IsoTableScheme implements TableScheme {

    private static final Logger LOG = Logger.getLogger(IsoTableScheme.class.getName());

    /** The scheme's name: locations start {@code :iso:}. */
    public static final String NAME = "iso";

    /** What {@link #getSchemeUsage()} says (STIL's factory repeats it when a specification is wrong). */
    static final String USAGE = "<tdt>|cone=<target-or-ra-dec>,<radius-deg>|<ADQL SELECT ...>";

    /** One set of sessions for every instance: TOPCAT makes a factory, and so a scheme, more than once. */
    private static final DialogArchives ARCHIVES = new DialogArchives();

    private static final Pattern TDT = Pattern.compile("[0-9]+");
    private static final Pattern ADQL = Pattern.compile("(?is)(SELECT|WITH)\\s.*");
    private static final String CONE = "cone=";

    private final String archive;

    /** The scheme, as STIL makes it (public, no arguments): the archive from {@value ArchiveSettings#PROPERTY}. */
    public IsoTableScheme() {
        this(System.getProperty(ArchiveSettings.PROPERTY));
    }

    /**
     * @param archive {@code production}, {@code local} or an archive's URL; null or blank for production
     */
    IsoTableScheme(String archive) {
        this.archive = archive;
    }

    @Override
    public String getSchemeName() {
        return NAME;
    }

    @Override
    public String getSchemeUsage() {
        return USAGE;
    }

    @Override
    public String getExampleSpecification() {
        return "80000203";
    }

    /**
     * Runs the query the specification names and returns its table (all rows read: the archive's answer is
     * complete before TOPCAT sees it).
     *
     * @param spec what follows {@code :iso:}
     * @throws TableFormatException when {@code spec} is none of the forms of {@link #USAGE}, saying why
     * @throws IOException          when the archive cannot answer, with its own message
     */
    @Override
    public StarTable createTable(String spec) throws IOException {
        ArchiveSearch search = search(spec);
        ArchiveSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new IOException("-D" + ArchiveSettings.PROPERTY + ": " + e.getMessage(), e);
        }
        LOG.info(":iso:" + spec + " from " + settings);
        TableSequence seq = new IsoTableLoader(ARCHIVES, settings, search, line -> LOG.info(":iso:" + spec + ": "
                                                                                              + line))
            .loadTables(null);
        return seq.nextTable();
    }

    /** @return the archive this scheme asks: {@value ArchiveSettings#PROPERTY}'s, else production */
    ArchiveSettings settings() {
        return archive == null || archive.isBlank() ? ArchiveSettings.production() : ArchiveSettings.parse(archive);
    }

    /**
     * @param spec what follows {@code :iso:}
     * @return the search it names
     * @throws TableFormatException naming the specification and the reason (STIL's factory wraps it in one that
     *                              gives the usage)
     */
    static ArchiveSearch search(String spec) throws TableFormatException {
        String s = spec == null ? "" : spec.trim();
        String maxrec = Long.toString(QueryRequest.DEFAULT_MAXREC);
        try {
            if (TDT.matcher(s).matches()) {
                return ArchiveSearch.builder("ida.observations").text(Field.TDT, s).text(Field.MAXREC, maxrec)
                    .build();
            }
            if (s.toLowerCase(Locale.ROOT).startsWith(CONE)) {
                String rest = s.substring(CONE.length());
                int comma = rest.lastIndexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException("no radius: expected cone=<target-or-ra-dec>,<radius-deg>");
                }
                return ArchiveSearch.builder("ida.observations").text(Field.TARGET, rest.substring(0, comma))
                    .text(Field.RADIUS, rest.substring(comma + 1)).text(Field.MAXREC, maxrec).build();
            }
            if (ADQL.matcher(s).matches()) {
                return ArchiveSearch.adqlBuilder(s).text(Field.MAXREC, maxrec).build();
            }
            throw new IllegalArgumentException("not a TDT, a cone= or an ADQL SELECT");
        } catch (IllegalArgumentException e) {
            throw new TableFormatException(":" + NAME + ":" + s + ": " + e.getMessage(), e);
        }
    }
}
