package org.isosamp.topcat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.isosamp.archive.ArchiveSearch;
import org.isosamp.archive.ArchiveSettings;
import org.isosamp.archive.IsoArchive;
import org.isosamp.archive.QueryResult;
import org.isosamp.table.SkyColumns;
import org.isosamp.table.TableParameters;
import uk.ac.starlink.table.DefaultValueInfo;
import uk.ac.starlink.table.DescribedValue;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.TableSequence;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.table.gui.TableLoader;

/**
 * One load from the ISO archive, run by TOPCAT on its loading worker thread (never the event thread): opens the
 * archive, resolves a target name if there is one, runs the search's query ({@link ArchiveSearch}) through the
 * core, and hands TOPCAT the table with its sky columns in degrees first ({@link SkyColumns#forTopcat}). TOPCAT
 * cancels a load by interrupting the thread, which aborts the query ({@link IsoArchive#query}).
 */
final class IsoTableLoader implements TableLoader {

    private static final Logger LOG = Logger.getLogger(IsoTableLoader.class.getName());

    /** The parameter a truncated result carries, beside the archive's own QUERY_STATUS=OVERFLOW. */
    static final String TRUNCATED = "iso_samp_truncated";

    private final DialogArchives archives;
    private final ArchiveSettings settings;
    private final ArchiveSearch search;
    private final Consumer<String> status;

    /**
     * @param status told, on the worker thread, one line about the outcome (rows, truncation)
     */
    IsoTableLoader(DialogArchives archives, ArchiveSettings settings, ArchiveSearch search, Consumer<String> status) {
        this.archives = archives;
        this.settings = settings;
        this.search = search;
        this.status = status;
    }

    @Override
    public String getLabel() {
        return search.label();
    }

    @Override
    public TableSequence loadTables(StarTableFactory factory) throws IOException {
        try {
            IsoArchive archive = archives.session(settings).archive();
            // a target name is resolved here, on the worker: Sesame, else the archive's own target names
            QueryResult result = archive.query(search.request(archive));
            StarTable table = result.table();
            String name = search.label();
            List<DescribedValue> params = new ArrayList<>(table.getParameters());
            String line;
            if (result.overflow()) {
                name += " (truncated at MAXREC " + result.maxrec() + ")";
                params.add(new DescribedValue(new DefaultValueInfo(TRUNCATED, String.class,
                    "More rows match than MAXREC allowed: only the first MAXREC are here"),
                    "truncated at MAXREC " + result.maxrec()));
                line = "Truncated: the first " + table.getRowCount() + " rows (MAXREC " + result.maxrec()
                       + "); more match";
                LOG.warning(name + ": more rows match than MAXREC " + result.maxrec());
            } else {
                line = table.getRowCount() + " rows";
            }
            // a wrapper, not setName: a truncated result is already a wrapper that keeps the query's own name
            table = TableParameters.fixed(table, name, params);
            status.accept(line);
            return Tables.singleTableSequence(SkyColumns.forTopcat(table));
        } catch (InterruptedIOException e) {
            status.accept("Cancelled");
            throw e;
        } catch (IOException e) {
            status.accept("Failed: " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // a bad value found only now (a resolved name's cone, the archive's URL): TOPCAT shows an IOException
            status.accept("Failed: " + e.getMessage());
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }
}
