package org.isosamp.products;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.fits.HeaderCard;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.TableHDU;
import nom.tam.util.Cursor;

/**
 * Makes a spectrum that SPLAT would read only in part into one it reads whole. SPLAT (through STIL) reads the
 * first table of a FITS file; ISO's SWS and LWS spectra are several ASCII ({@code TABLE}) extensions, one per
 * detector or scan segment. {@link #merge} writes a copy with one binary table: every row of every segment, sorted
 * by the spectral coordinate (a stable sort, so equal wavelengths keep their file order), the columns all segments
 * share with their units, and an {@code HDU} column saying which extension each row came from. The spectral, flux
 * and error columns get the SSA/Spectrum data-model {@code TUTYPE}s SPLAT looks for first. The primary header's
 * cards (target, instrument, observation) are copied. Nothing is lost but the row order, which the {@code HDU}
 * column and the original file keep.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpectrumTables {

    private static final Logger LOG = Logger.getLogger(SpectrumTables.class.getName());
    private static final Set<String> STRUCTURAL = Set.of("SIMPLE", "BITPIX", "NAXIS", "EXTEND", "PCOUNT", "GCOUNT",
        "END", "CHECKSUM", "DATASUM", "BSCALE", "BZERO", "BLANK", "BUNIT", "GROUPS");

    /** TUTYPE of the spectral coordinate, as SPLAT's own sender writes it. */
    public static final String SPECTRAL_UTYPE = "spec:Spectrum.Data.SpectralAxis.Value";
    /** TUTYPE of the flux. */
    public static final String FLUX_UTYPE = "spec:Spectrum.Data.FluxAxis.Value";
    /** TUTYPE of the flux error. */
    public static final String ERROR_UTYPE = "spec:Spectrum.Data.FluxAxis.Accuracy.StatError";

    private SpectrumTables() {
    }

    /**
     * Writes the one-table copy of a tabular spectrum.
     *
     * @param spectrum an inspected spectrum (a table, not a 1-D image)
     * @param target the file to write (replaced if it exists)
     * @return the rows written
     * @throws IllegalArgumentException if the product is not a tabular spectrum
     * @throws IOException if it cannot be read or the copy cannot be written
     */
    public static long merge(FitsProduct spectrum, Path target) throws IOException {
        FitsProduct.Spectrum s = spectrum.spectrum();
        if (spectrum.kind() != ProductKind.SPECTRUM || s == null || s.image()) {
            throw new IllegalArgumentException(spectrum.file().getFileName() + " is not a tabular spectrum ("
                + spectrum.found() + ")");
        }
        String name = spectrum.file().getFileName().toString();
        try (Fits in = new Fits(spectrum.file().toFile())) {
            BasicHDU<?>[] hdus = in.read();
            List<Segment> segments = new ArrayList<>();
            for (int index : s.hdus()) {
                if (index >= hdus.length || !(hdus[index] instanceof TableHDU<?> t)) {
                    throw new ProductFormatException(spectrum.file(), name + ": HDU " + index
                        + " is no longer a table");
                }
                segments.add(segment(t, index));
            }
            Map<String, Object> columns = concatenate(segments);
            Map<String, String> units = segments.get(0).units();
            int total = segments.stream().mapToInt(Segment::rows).sum();
            short[] origin = new short[total];
            int at = 0;
            for (Segment seg : segments) {
                Arrays.fill(origin, at, at + seg.rows(), (short) seg.hdu());
                at += seg.rows();
            }
            columns.put("HDU", origin);
            Integer[] order = order(columns.get(s.coord()), total);
            List<String> names = new ArrayList<>(columns.keySet());
            Object[] data = new Object[names.size()];
            for (int c = 0; c < data.length; c++) {
                data[c] = permute(columns.get(names.get(c)), order);
            }
            BinaryTableHDU table = BinaryTableHDU.wrap(BinaryTable.fromColumnMajor(data));
            Header th = table.getHeader();
            for (int c = 0; c < names.size(); c++) {
                String col = names.get(c);
                table.setColumnName(c, col, col.equals("HDU") ? "extension of " + name + " the row came from"
                    : null);
                String unit = units.get(col);
                if (unit != null && !unit.isEmpty()) {
                    th.addValue("TUNIT" + (c + 1), unit, "physical unit of field");
                }
                String utype = col.equals(s.coord()) ? SPECTRAL_UTYPE : col.equals(s.flux()) ? FLUX_UTYPE
                    : col.equals(s.error()) ? ERROR_UTYPE : null;
                if (utype != null) {
                    th.addValue("TUTYPE" + (c + 1), utype, "IVOA Spectrum data model");
                }
            }
            th.addValue("EXTNAME", "SPECTRUM", "all segments of " + name);
            NullDataHDU primary = new NullDataHDU();
            copyCards(hdus[0].getHeader(), primary.getHeader());
            primary.getHeader().insertHistory("iso-samp: the " + segments.size() + " table extension(s) of " + name);
            primary.getHeader().insertHistory("merged into one binary table sorted by " + s.coord()
                + " (column HDU: origin)");
            Files.deleteIfExists(target);
            try (Fits out = new Fits()) {
                out.addHDU(primary);
                out.addHDU(table);
                out.write(target.toFile());
            }
            LOG.fine(() -> "merged " + segments.size() + " segments of " + name + " into " + target + " (" + total
                + " rows)");
            return total;
        } catch (FitsException e) {
            throw new ProductFormatException(spectrum.file(), name + ": cannot read its spectrum tables: "
                + e.getMessage(), e);
        }
    }

    /** One table extension's 1-D columns. */
    private record Segment(int hdu, int rows, Map<String, Object> columns, Map<String, String> units) {
    }

    private static Segment segment(TableHDU<?> t, int hdu) throws FitsException {
        Map<String, Object> cols = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (int c = 0; c < t.getNCols(); c++) {
            Object col = t.getColumn(c);
            if (col == null || !col.getClass().isArray() || col.getClass().getComponentType().isArray()) {
                continue;   // array-valued cells: not one value per spectral point
            }
            String name = t.getColumnName(c);
            name = name == null || name.isBlank() ? "col" + (c + 1) : name.trim();
            cols.put(name, col);
            String unit = t.getHeader().getStringValue("TUNIT" + (c + 1), "");
            units.put(name, unit == null ? "" : unit.trim());
        }
        return new Segment(hdu, t.getNRows(), cols, units);
    }

    /** @return the columns every segment has with the same element type, each the segments end to end */
    private static Map<String, Object> concatenate(List<Segment> segments) {
        Map<String, Object> out = new LinkedHashMap<>();
        Segment first = segments.get(0);
        int total = segments.stream().mapToInt(Segment::rows).sum();
        for (Map.Entry<String, Object> e : first.columns().entrySet()) {
            Class<?> type = e.getValue().getClass().getComponentType();
            boolean shared = segments.stream().allMatch(seg -> seg.columns().containsKey(e.getKey())
                && seg.columns().get(e.getKey()).getClass().getComponentType() == type);
            if (!shared || e.getKey().equalsIgnoreCase("HDU")) {
                LOG.fine(() -> "column " + e.getKey() + " left out: not in every segment");
                continue;
            }
            Object all = Array.newInstance(type, total);
            int at = 0;
            for (Segment seg : segments) {
                System.arraycopy(seg.columns().get(e.getKey()), 0, all, at, seg.rows());
                at += seg.rows();
            }
            out.put(e.getKey(), all);
        }
        return out;
    }

    private static Integer[] order(Object coord, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ((Number) Array.get(coord, i)).doubleValue();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));   // stable: a merge sort
        return order;
    }

    private static Object permute(Object column, Integer[] order) {
        Object out = Array.newInstance(column.getClass().getComponentType(), order.length);
        for (int i = 0; i < order.length; i++) {
            Array.set(out, i, Array.get(column, order[i]));
        }
        return out;
    }

    private static void copyCards(Header from, Header to) {
        Cursor<String, HeaderCard> it = from.iterator();
        while (it.hasNext()) {
            HeaderCard card = it.next();
            String key = card.getKey() == null ? "" : card.getKey().trim().toUpperCase(Locale.ROOT);
            if (STRUCTURAL.contains(key) || key.matches("NAXIS\\d+")) {
                continue;
            }
            to.addLine(card.copy());
        }
    }
}
