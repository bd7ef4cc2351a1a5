package org.isosamp.topcat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.isosamp.archive.IsoArchive;
import org.isosamp.samp.ProductFetch;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.topcat.ControlWindow;
import uk.ac.starlink.topcat.Outcome;
import uk.ac.starlink.topcat.TopcatModel;
import uk.ac.starlink.topcat.activate.ActivationMeta;
import uk.ac.starlink.topcat.activate.Activator;

/**
 * One configuration of the "ISO product" action at work: reads the row's TDT, has the core fetch the product
 * ({@link ProductFetch}) on TOPCAT's activation thread (never the event thread: {@link #invokeOnEdt()} is false), and
 * only then touches Swing: new tables go into TOPCAT's table list through {@link ControlWindow#addTable}, a postcard
 * into the action's postcard window ({@link IsoProductPostcardWindow}, one for all rows). The outcome TOPCAT logs is the core's one-line summary or failure. Immutable.
 */
final class IsoProductActivator implements Activator {

    private static final Logger LOG = Logger.getLogger(IsoProductActivator.class.getName());

    private final TopcatModel model;
    private final ProductActionSettings settings;
    private final IsoProductPostcardWindow postcards;

    /**
     * @param model the table
     * @param settings what to do
     * @param postcards the action's postcard window (shared by its activators), touched on the event thread only
     */
    IsoProductActivator(TopcatModel model, ProductActionSettings settings, IsoProductPostcardWindow postcards) {
        this.model = model;
        this.settings = settings;
        this.postcards = postcards;
    }

    @Override
    public boolean invokeOnEdt() {
        return false;
    }

    @Override
    public Outcome activateRow(long row, ActivationMeta meta) {
        try {
            String tdt = ProductFetch.tdt(cell(row));
            if (settings.then() == ProductFetch.Then.SEND && meta != null && meta.isInhibitSend()) {
                // the activation came from another application over SAMP: sending back could loop
                return Outcome.success(tdt + ": not sent (this activation came over SAMP)");
            }
            IsoArchive archive = IsoProductActivationType.ARCHIVES.session(settings.archiveSettings()).archive();
            ProductFetch fetch = new ProductFetch(archive, () -> PluginBus.sender(archive), PluginBus.SEND_TIMEOUT);
            ProductFetch.Fetched f = fetch.fetch(tdt, settings.request());
            switch (settings.then()) {
            case LOAD:
                load(f);
                break;
            case POSTCARD:
                showPostcard(tdt, f.file());
                return Outcome.success(tdt + ": postcard shown (saved as " + f.file() + ")");
            default:
                break;
            }
            return Outcome.success(f.summary());
        } catch (InterruptedIOException e) {
            return Outcome.failure("Cancelled: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "ISO product for row " + (row + 1) + " failed", e);
            return Outcome.failure(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Object cell(long row) throws IOException {
        StarTable t = model.getDataModel();
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (settings.column().equals(t.getColumnInfo(i).getName())) {
                return t.getCell(row, i);
            }
        }
        throw new IllegalArgumentException("table " + model.getLabel() + " has no column " + settings.column());
    }

    /** Reads the tables off the event thread, with TOPCAT's factory, then adds them on it. */
    private static void load(ProductFetch.Fetched f) throws IOException {
        ControlWindow cw = ControlWindow.getInstance();
        List<StarTable> tables = ProductFetch.readTables(f.tables(), cw.getTableFactory());
        List<Path> files = f.tables();
        onEdt(() -> {
            for (int i = 0; i < tables.size(); i++) {
                StarTable t = tables.get(i);
                Path from = files.size() == tables.size() ? files.get(i) : f.file();
                cw.addTable(t, from.toString(), i == 0);
            }
        });
    }

    /** Decodes the PNG here, off the event thread, and only shows it on it. */
    private void showPostcard(String tdt, Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException(png + " is not an image Java can read");
        }
        onEdt(() -> postcards.show(tdt, image));
    }

    private static void onEdt(Runnable r) throws IOException {
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing the product to TOPCAT");
        } catch (InvocationTargetException e) {
            Throwable c = e.getCause();
            throw new IOException("TOPCAT refused the product: " + (c == null ? e : c), c);
        }
    }
}
