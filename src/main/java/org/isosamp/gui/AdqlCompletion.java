package org.isosamp.gui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.isosamp.model.ColumnMeta;
import org.isosamp.model.TableMeta;

/**
 * What completing a word of an ADQL query offers, given the query, the caret and the archive's tables (no Swing, no
 * I/O): the names that start with the word being typed (case-insensitive) and the range of text they replace. The
 * names depend on where the word is: after {@code FROM} or {@code JOIN} (or a comma in a {@code FROM} list) the
 * qualified table names; after {@code alias.} or {@code table.} that table's columns; after {@code schema.} that
 * schema's tables; elsewhere the columns of the tables the query's {@code FROM} names, or, when it names none the
 * archive knows, every table's columns and then the table names. A word opened with a double quote
 * ({@code "ra_}) is completed too, the quote kept. String literals and comments are not words. Immutable, stateless.
 */
final class AdqlCompletion {

    /** Where the word is, which decides what it completes to. */
    enum Context {
        /** after FROM or JOIN: table names */
        TABLE,
        /** after {@code schema.}: that schema's tables */
        SCHEMA_TABLE,
        /** after {@code alias.} or {@code table.}: that table's columns */
        QUALIFIED_COLUMN,
        /** elsewhere: the columns of the query's tables */
        COLUMN,
        /** after a qualifier that names no table, alias or schema: nothing */
        UNKNOWN
    }

    /**
     * A name to offer.
     *
     * @param name   what is inserted
     * @param detail unit and description (columns) or description (tables), may be empty
     */
    record Candidate(String name, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What a completion offers.
     *
     * @param start      the first character of the word being typed
     * @param end        the caret: {@code [start, end)} is replaced by the name chosen
     * @param prefix     the word typed so far (without an opening quote)
     * @param context    where the word is
     * @param candidates the names that start with {@code prefix}, ignoring case
     */
    record Result(int start, int end, String prefix, Context context, List<Candidate> candidates) {
        Result {
            candidates = List.copyOf(candidates);
        }
    }

    /** Words that end a FROM list or cannot be an alias. */
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "JOIN", "INNER", "LEFT", "RIGHT",
        "FULL", "OUTER", "CROSS", "NATURAL", "ON", "USING", "GROUP", "ORDER", "BY", "HAVING", "UNION", "EXCEPT",
        "INTERSECT", "AND", "OR", "NOT", "AS", "TOP", "DISTINCT", "OFFSET", "LIMIT", "ASC", "DESC", "IN", "IS",
        "NULL", "LIKE", "BETWEEN");

    private AdqlCompletion() {
    }

    /**
     * @param text   the query
     * @param caret  the caret's offset in it
     * @param tables the archive's tables with their columns
     * @return what completing the word before the caret offers
     */
    static Result complete(String text, int caret, List<TableMeta> tables) {
        int start = caret;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        String prefix = text.substring(start, caret);
        int wordStart = start;
        if (start > 0 && text.charAt(start - 1) == '"') {
            start--; // a quoted name: the quote is replaced too, and put back around the name
        }
        List<Token> tokens = tokens(text.substring(0, start));
        Map<String, TableMeta> fromTables = fromTables(tokens(text), tables);
        Context context;
        List<Candidate> all = new ArrayList<>();
        if (start > 0 && text.charAt(start - 1) == '.') {
            String qualifier = qualifierBefore(text, start - 1);
            TableMeta t = fromTables.get(qualifier.toLowerCase(Locale.ROOT));
            if (t == null) {
                t = table(tables, qualifier);
            }
            List<TableMeta> inSchema = tables.stream()
                .filter(m -> m.name().toLowerCase(Locale.ROOT).startsWith(qualifier.toLowerCase(Locale.ROOT) + "."))
                .toList();
            if (t != null) {
                context = Context.QUALIFIED_COLUMN;
                addColumns(all, t);
            } else if (!qualifier.isEmpty() && !inSchema.isEmpty()) {
                context = Context.SCHEMA_TABLE;
                for (TableMeta m : inSchema) {
                    all.add(new Candidate(m.name().substring(qualifier.length() + 1), m.description()));
                }
            } else {
                context = Context.UNKNOWN;
            }
        } else if (afterFromOrJoin(tokens)) {
            context = Context.TABLE;
            for (TableMeta m : tables) {
                all.add(new Candidate(m.name(), m.description()));
            }
        } else {
            context = Context.COLUMN;
            if (!fromTables.isEmpty()) {
                fromTables.values().stream().distinct().forEach(t -> addColumns(all, t));
            } else {
                tables.forEach(t -> addColumns(all, t));
                for (TableMeta m : tables) {
                    all.add(new Candidate(m.name(), m.description()));
                }
            }
        }
        String lower = prefix.toLowerCase(Locale.ROOT);
        Map<String, Candidate> matching = new LinkedHashMap<>(); // one entry per name: tables share column names
        for (Candidate c : all) {
            String key = c.name().toLowerCase(Locale.ROOT);
            if (key.startsWith(lower)) {
                matching.putIfAbsent(key, c);
            }
        }
        List<Candidate> out = new ArrayList<>(matching.values());
        if (start < wordStart) {
            out.replaceAll(c -> new Candidate("\"" + c.name() + "\"", c.detail()));
        }
        return new Result(start, caret, prefix, context, out);
    }

    /** @return the text with {@code [r.start, r.end)} replaced by {@code name} */
    static String apply(String text, Result r, String name) {
        return text.substring(0, r.start()) + name + text.substring(r.end());
    }

    private static void addColumns(List<Candidate> out, TableMeta t) {
        for (ColumnMeta c : t.columns()) {
            String unit = blank(c.unit()) ? "" : "[" + c.unit() + "]";
            String desc = blank(c.description()) ? "" : c.description();
            out.add(new Candidate(c.name(), (unit + (unit.isEmpty() || desc.isEmpty() ? "" : " ") + desc)));
        }
    }

    /** @return the identifier (with dots, without quotes) that ends just before {@code dot} */
    private static String qualifierBefore(String text, int dot) {
        int i = dot;
        while (i > 0 && (isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == '.'
                         || text.charAt(i - 1) == '"')) {
            i--;
        }
        return text.substring(i, dot).replace("\"", "");
    }

    /** @return the archive's table called {@code name} (qualified, or its last part alone), or null */
    private static TableMeta table(List<TableMeta> tables, String name) {
        for (TableMeta t : tables) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        for (TableMeta t : tables) {
            String n = t.name();
            if (n.substring(n.lastIndexOf('.') + 1).equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    /** @return true if the tokens end with FROM, JOIN, or a comma inside a FROM list */
    private static boolean afterFromOrJoin(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        String last = tokens.get(tokens.size() - 1).upper();
        if (last.equals("FROM") || last.equals("JOIN")) {
            return true;
        }
        if (!last.equals(",")) {
            return false;
        }
        // a comma: in a FROM list if the nearest keyword before it is FROM
        for (int i = tokens.size() - 2; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.word() && KEYWORDS.contains(t.upper()) && !t.upper().equals("AS")) {
                return t.upper().equals("FROM");
            }
            if (t.text().equals("(") || t.text().equals(")")) {
                return false;
            }
        }
        return false;
    }

    /**
     * @return the tables the query's FROM and JOINs name, known to the archive, under their aliases and names (lower
     *         case; the qualified name and its last part)
     */
    private static Map<String, TableMeta> fromTables(List<Token> tokens, List<TableMeta> tables) {
        Map<String, TableMeta> out = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String u = tokens.get(i).upper();
            if (!u.equals("FROM") && !u.equals("JOIN")) {
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).word() && !KEYWORDS.contains(tokens.get(j).upper())) {
                String name = tokens.get(j).text().replace("\"", "");
                TableMeta t = table(tables, name);
                j++;
                if (j < tokens.size() && tokens.get(j).upper().equals("AS")) {
                    j++;
                }
                String alias = null;
                if (j < tokens.size() && tokens.get(j).word() && !KEYWORDS.contains(tokens.get(j).upper())) {
                    alias = tokens.get(j).text().replace("\"", "");
                    j++;
                }
                if (t != null) {
                    out.putIfAbsent(name.toLowerCase(Locale.ROOT), t);
                    out.putIfAbsent(t.name().toLowerCase(Locale.ROOT), t);
                    String last = t.name().substring(t.name().lastIndexOf('.') + 1);
                    out.putIfAbsent(last.toLowerCase(Locale.ROOT), t);
                    if (alias != null) {
                        out.put(alias.toLowerCase(Locale.ROOT), t);
                    }
                }
                if (u.equals("FROM") && j < tokens.size() && tokens.get(j).text().equals(",")) {
                    j++;
                } else {
                    break;
                }
            }
        }
        return out;
    }

    /** A word (identifier, possibly dotted and quoted, or keyword) or one punctuation character. */
    private record Token(String text, boolean word) {
        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    /** @return the query's words and punctuation, string literals and comments left out */
    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') { // a string literal, '' inside it
                i++;
                while (i < n && !(s.charAt(i) == '\'' && (i + 1 >= n || s.charAt(i + 1) != '\''))) {
                    i += s.charAt(i) == '\'' ? 2 : 1;
                }
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (isWordChar(c) || c == '"') {
                int b = i;
                while (i < n && (isWordChar(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '"')) {
                    if (s.charAt(i) == '"') { // a quoted part: up to its closing quote on this line
                        int close = s.indexOf('"', i + 1);
                        int eol = s.indexOf('\n', i + 1);
                        // one being typed has none yet: then its word characters only
                        i = close < 0 || (eol >= 0 && eol < close) ? i + 1 : close + 1;
                    } else {
                        i++;
                    }
                }
                out.add(new Token(s.substring(b, i), true));
            } else {
                out.add(new Token(String.valueOf(c), false));
                i++;
            }
        }
        return out;
    }

    /** @return true if the character can be part of a name (letter, digit, underscore) */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
