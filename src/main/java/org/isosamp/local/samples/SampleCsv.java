package org.isosamp.local.samples;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.Csv;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ArchiveMetadata.SchemaDef;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.SpatialDef;
import org.isosamp.local.meta.TableDef;

/**
 * Reads (and, for {@link WriteSamples}, writes) the sample archive's CSV files:
 * <pre>
 *   schemas.csv   schema_name,description
 *   tables.csv    table_name,table_type,description,utype,region_column,ra_column,dec_column
 *   columns.csv   table_name,column_name,datatype,arraysize,xtype,unit,ucd,utype,description,principal,indexed,std
 *   data/&lt;table_name&gt;.csv   header = all declared columns, in declared order
 * </pre>
 * RFC 4180, UTF-8, header row, LF line ends. An unquoted empty field is NULL,
 * a quoted {@code ""} is the empty string. Parsing is H2's {@link Csv}.
 * Thread-safe (stateless).
 */
public final class SampleCsv {

    public static final String SCHEMAS = "schemas.csv";
    public static final String TABLES = "tables.csv";
    public static final String COLUMNS = "columns.csv";
    public static final String DATA = "data";

    /** System property naming the samples directory (set by the Maven build for tests). */
    public static final String DIR_PROPERTY = "iso.samples.dir";

    static final List<String> SCHEMA_HEADER = List.of("schema_name", "description");
    static final List<String> TABLE_HEADER = List.of(
        "table_name", "table_type", "description", "utype", "region_column", "ra_column", "dec_column");
    static final List<String> COLUMN_HEADER = List.of(
        "table_name", "column_name", "datatype", "arraysize", "xtype", "unit", "ucd", "utype",
        "description", "principal", "indexed", "std");

    private SampleCsv() {
    }

    /** Where the build packs {@code samples/} in the jar. */
    static final String PACKED = "/iso-samp-samples/";

    private static Path unpacked;

    /**
     * @return {@code -Diso.samples.dir} if set, else {@code ./samples} if it holds {@value #TABLES}, else the
     *         samples packed in the jar (copied once to a temporary folder removed at exit), so that
     *         {@code --archive local} works from any folder
     */
    public static Path defaultDirectory() {
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null) {
            return Paths.get(prop);
        }
        Path here = Paths.get("samples");
        if (java.nio.file.Files.isRegularFile(here.resolve(TABLES))) {
            return here;
        }
        try {
            Path packed = packedSamples();
            return packed != null ? packed : here;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot unpack the samples from the jar: " + e.getMessage(), e);
        }
    }

    private static synchronized Path packedSamples() throws IOException {
        if (unpacked != null) {
            return unpacked;
        }
        java.net.URL index = SampleCsv.class.getResource(PACKED + TABLES);
        if (index == null) {
            return null;
        }
        java.net.URI root;
        try {
            root = SampleCsv.class.getResource(PACKED).toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        if ("file".equals(root.getScheme())) {
            unpacked = Paths.get(root);
            return unpacked;
        }
        Path tmp = java.nio.file.Files.createTempDirectory("iso-samp-samples");
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(root, java.util.Map.of());
             java.util.stream.Stream<Path> files = java.nio.file.Files.walk(jar.getPath(PACKED))) {
            Path base = jar.getPath(PACKED);
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = tmp.resolve(base.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(f, to);
                }
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(tmp), "iso-samp-samples-cleanup"));
        unpacked = tmp;
        return tmp;
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the OS cleans it eventually
        }
    }

    /** @return {@code dir/data/<tableName>.csv} (lower-case table name). */
    public static Path dataFile(Path dir, String tableName) {
        return dir.resolve(DATA).resolve(tableName.toLowerCase(java.util.Locale.ROOT) + ".csv");
    }

    /**
     * Reads schemas, tables and columns. Foreign keys: none.
     *
     * @param dir the samples directory
     * @return the metadata, tables in file order, columns in file order
     * @throws IOException if a file is missing or malformed
     */
    public static ArchiveMetadata readMetadata(Path dir) throws IOException {
        List<SchemaDef> schemas = new ArrayList<>();
        for (Map<String, String> r : readRecords(dir.resolve(SCHEMAS), SCHEMA_HEADER)) {
            schemas.add(new SchemaDef(req(r, "schema_name"), nz(r.get("description"))));
        }
        Map<String, List<ColumnDef>> cols = new LinkedHashMap<>();
        for (Map<String, String> r : readRecords(dir.resolve(COLUMNS), COLUMN_HEADER)) {
            ColumnDef c;
            try {
                c = new ColumnDef(req(r, "column_name"), req(r, "datatype"), r.get("arraysize"),
                                  r.get("xtype"), r.get("unit"), r.get("ucd"), r.get("utype"),
                                  nz(r.get("description")), flag(r, "principal"), flag(r, "indexed"),
                                  flag(r, "std"));
            } catch (IllegalArgumentException e) {
                throw new IOException(COLUMNS + ": " + e.getMessage(), e);
            }
            cols.computeIfAbsent(req(r, "table_name").toLowerCase(java.util.Locale.ROOT),
                                 k -> new ArrayList<>()).add(c);
        }
        List<TableDef> tables = new ArrayList<>();
        for (Map<String, String> r : readRecords(dir.resolve(TABLES), TABLE_HEADER)) {
            String name = req(r, "table_name");
            int dot = name.indexOf('.');
            if (dot <= 0) {
                throw new IOException(TABLES + ": table name " + name + " is not schema-qualified");
            }
            List<ColumnDef> tc = cols.remove(name.toLowerCase(java.util.Locale.ROOT));
            if (tc == null) {
                throw new IOException(COLUMNS + ": no columns for table " + name);
            }
            String region = r.get("region_column");
            String ra = r.get("ra_column");
            String dec = r.get("dec_column");
            SpatialDef sp = region == null && ra == null && dec == null ? null : new SpatialDef(region, ra, dec);
            try {
                tables.add(new TableDef(name.substring(0, dot), name, r.get("table_type"),
                                        nz(r.get("description")), r.get("utype"), tc, sp));
            } catch (IllegalArgumentException e) {
                throw new IOException(TABLES + ": " + e.getMessage(), e);
            }
        }
        if (!cols.isEmpty()) {
            throw new IOException(COLUMNS + ": columns of undeclared tables " + cols.keySet());
        }
        try {
            return new ArchiveMetadata(schemas, tables, List.of());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Streams the rows of {@code data/<table>.csv} to a sink, typed per the
     * table's columns. A missing data file means an empty table.
     *
     * @return the number of rows
     * @throws IOException if the file is malformed, its header is not the declared
     *         columns in order, a value does not parse, or the sink fails (as cause)
     */
    public static long readRows(Path dir, TableDef table, RowSink sink) throws IOException {
        Path file = dataFile(dir, table.name());
        if (!Files.exists(file)) {
            return 0;
        }
        List<ColumnDef> cols = table.columns();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ResultSet rs = newCsv().read(in, null);
            List<String> header = header(rs);
            List<String> declared = cols.stream().map(ColumnDef::name).toList();
            if (!header.equals(declared)) {
                throw new IOException(file + ": header " + header + " is not the declared columns " + declared);
            }
            long n = 0;
            while (rs.next()) {
                n++;
                Object[] row = new Object[cols.size()];
                for (int i = 0; i < row.length; i++) {
                    String s = rs.getString(i + 1);
                    try {
                        row[i] = parseValue(cols.get(i), s);
                    } catch (IllegalArgumentException e) {
                        throw new IOException(file + " row " + n + " column " + cols.get(i).name()
                                              + ": " + e.getMessage(), e);
                    }
                }
                try {
                    sink.row(table.name(), row);
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException("loading " + table.name() + " row " + n + ": " + e.getMessage(), e);
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses one CSV field into the column's Java class (see {@link ColumnDef#javaClass()}).
     * Booleans accept true/false/1/0.
     *
     * @param text the field, null for NULL
     */
    public static Object parseValue(ColumnDef c, String text) {
        if (text == null) {
            return null;
        }
        if (c.isString()) {
            return text;
        }
        String t = text.trim();
        return switch (c.datatype()) {
            case "short" -> Short.valueOf(t);
            case "int" -> Integer.valueOf(t);
            case "long" -> Long.valueOf(t);
            case "float" -> Float.valueOf(t);
            case "double" -> Double.valueOf(t);
            case "boolean" -> switch (t.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "t" -> Boolean.TRUE;
                case "false", "0", "f" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean: " + t);
            };
            default -> throw new IllegalArgumentException("unsupported datatype " + c.datatype());
        };
    }

    /** @return the column names of a CSV read, in order */
    private static List<String> header(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            header.add(md.getColumnLabel(i));
        }
        return header;
    }

    /** Reads a CSV file into records keyed by header name (null for NULL). */
    static List<Map<String, String>> readRecords(Path file, List<String> expectedHeader) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ResultSet rs = newCsv().read(in, null);
            List<String> header = header(rs);
            if (expectedHeader != null && !header.equals(expectedHeader)) {
                throw new IOException(file + ": header " + header + ", expected " + expectedHeader);
            }
            while (rs.next()) {
                Map<String, String> r = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    r.put(header.get(i), rs.getString(i + 1));
                }
                out.add(r);
            }
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Csv newCsv() {
        Csv csv = new Csv();
        csv.setCaseSensitiveColumnNames(true);
        csv.setPreserveWhitespace(true);
        return csv;
    }

    private static String req(Map<String, String> r, String key) throws IOException {
        String v = r.get(key);
        if (v == null || v.isBlank()) {
            throw new IOException("missing " + key + " in " + r);
        }
        return v.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean flag(Map<String, String> r, String key) throws IOException {
        String v = r.get(key);
        if (v == null) {
            return false;
        }
        return switch (v.trim()) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw new IOException("bad flag " + key + "=" + v + " in " + r);
        };
    }

    // ------------------------------------------------------------------ writing

    /** Writes the three metadata files. */
    static void writeMetadata(Path dir, ArchiveMetadata meta) throws IOException {
        Files.createDirectories(dir);
        try (CsvOut w = new CsvOut(dir.resolve(SCHEMAS), SCHEMA_HEADER)) {
            for (SchemaDef s : meta.schemas()) {
                w.row(s.name(), s.description());
            }
        }
        try (CsvOut w = new CsvOut(dir.resolve(TABLES), TABLE_HEADER)) {
            for (TableDef t : meta.tables()) {
                SpatialDef sp = t.spatial();
                w.row(t.name(), t.type(), t.description(), t.utype(),
                      sp == null ? null : sp.regionColumn(), sp == null ? null : sp.raColumn(),
                      sp == null ? null : sp.decColumn());
            }
        }
        try (CsvOut w = new CsvOut(dir.resolve(COLUMNS), COLUMN_HEADER)) {
            for (TableDef t : meta.tables()) {
                for (ColumnDef c : t.columns()) {
                    w.row(t.name(), c.name(), c.datatype(), c.arraysize(), c.xtype(), c.unit(), c.ucd(),
                          c.utype(), c.description(), c.principal() ? 1 : 0, c.indexed() ? 1 : 0,
                          c.std() ? 1 : 0);
                }
            }
        }
    }

    /** A CSV file being written: RFC 4180 quoting, NULL as an unquoted empty field, LF line ends. */
    static final class CsvOut implements AutoCloseable {
        private final Writer out;
        private final int width;
        private final StringBuilder line = new StringBuilder(256);

        CsvOut(Path file, List<String> header) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            width = header.size();
            row(header.toArray());
        }

        void row(Object... values) throws IOException {
            if (values.length != width) {
                throw new IllegalArgumentException("row of " + values.length + " values, header has " + width);
            }
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                appendField(line, values[i]);
            }
            line.append('\n');
            out.write(line.toString());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static void appendField(StringBuilder sb, Object v) {
        if (v == null) {
            return;
        }
        String s;
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("non-finite value " + d);
            }
            s = d.toString();
        } else if (v instanceof Float f) {
            s = f.toString();
        } else {
            s = v.toString();
        }
        boolean quote = s.isEmpty() || Character.isWhitespace(s.charAt(0))
                        || Character.isWhitespace(s.charAt(s.length() - 1));
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** For lambdas: rethrows IOException unchecked. */
    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
