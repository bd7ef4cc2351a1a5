package org.isosamp.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.table.AbstractTableModel;
import org.isosamp.products.TarEntryInfo;

/**
 * The observation panel's two table models: its metadata (name, value with unit; unit and description as the
 * row's tooltip) and its products (STANDALONE, then an OBSERVATION tar and its members). Models only, so they are
 * tested without a display. Event thread only, as every Swing model.
 */
final class ObservationTables {

    private ObservationTables() {
    }

    /** The metadata row, one column of {@code ida.observations} per table row. */
    static final class Metadata extends AbstractTableModel {

        private List<ObservationMetadata.Item> items = List.of();

        void set(ObservationMetadata m) {
            items = m == null ? List.of() : m.items();
            fireTableDataChanged();
        }

        @Override
        public int getRowCount() {
            return items.size();
        }

        @Override
        public int getColumnCount() {
            return 2;
        }

        @Override
        public String getColumnName(int column) {
            return column == 0 ? "Name" : "Value";
        }

        @Override
        public Object getValueAt(int row, int column) {
            ObservationMetadata.Item i = items.get(row);
            if (column == 0) {
                return i.name();
            }
            // ra is in hours in ida.observations: a bare number would mislead, so the unit stays in sight too
            return i.unit().isEmpty() || i.value().isEmpty() ? i.value() : i.value() + " " + i.unit();
        }

        /** @return the row's tooltip: its description and unit, or null when it has neither */
        String toolTip(int row) {
            ObservationMetadata.Item i = items.get(row);
            String unit = i.unit().isEmpty() ? "" : "unit: " + i.unit();
            if (i.description().isEmpty() && unit.isEmpty()) {
                return null;
            }
            return i.description().isEmpty() ? unit : unit.isEmpty() ? i.description()
                : i.description() + " (" + unit + ")";
        }
    }

    /** The products: the STANDALONE product, then the chosen level's tar and each of its files. */
    static final class Products extends AbstractTableModel {

        private static final String[] COLUMNS = {"Product", "Name", "Size"};

        /** One row. */
        record Row(String product, String name, long size) {
        }

        private Row standalone;
        private final List<Row> listing = new ArrayList<>();

        void clear() {
            standalone = null;
            listing.clear();
            fireTableDataChanged();
        }

        /** @param note what the STANDALONE row says instead of a name while it is fetched or missing */
        void setStandalone(String name, long size, String note) {
            standalone = new Row("STANDALONE", name != null ? name : note, name != null ? size : -1);
            fireTableDataChanged();
        }

        /** @param note what the level's row says while it is listed, or why it could not be ("" once listed) */
        void setListing(ObservationLoader.Listing l, String levelName, String note) {
            listing.clear();
            if (l == null) {
                listing.add(new Row("OBSERVATION " + levelName, note, -1));
            } else {
                listing.add(new Row("OBSERVATION " + levelName, l.name(), l.size()));
                for (TarEntryInfo e : l.entries()) {
                    if (!e.isDirectory()) {
                        listing.add(new Row("", "  " + shortName(e.name()), e.size()));
                    }
                }
            }
            fireTableDataChanged();
        }

        /** @return the row's fields */
        Row row(int i) {
            if (standalone != null) {
                if (i == 0) {
                    return standalone;
                }
                i--;
            }
            return listing.get(i);
        }

        @Override
        public int getRowCount() {
            return (standalone == null ? 0 : 1) + listing.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int column) {
            return COLUMNS[column];
        }

        @Override
        public Class<?> getColumnClass(int column) {
            return String.class;
        }

        @Override
        public Object getValueAt(int row, int column) {
            Row r = row(row);
            switch (column) {
                case 0: return r.product();
                case 1: return r.name();
                default: return r.size() < 0 ? "" : size(r.size());
            }
        }
    }

    /** @return a member's name without the tar's {@code ././ISO<n>/} top folder and doubled slashes */
    static String shortName(String entry) {
        String s = entry.replaceFirst("^(\\./)*ISO\\d+/", "").replaceAll("/{2,}", "/");
        return s.isEmpty() ? entry : s;
    }

    /** @return a size for people: {@code 812 B}, {@code 14.1 KB}, {@code 3.2 MB} (powers of 1000, as ls -h --si) */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
