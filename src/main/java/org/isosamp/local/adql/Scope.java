package org.isosamp.local.adql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.isosamp.local.adql.Names.Ident;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.TableDef;

/**
 * The tables visible to one SELECT (its FROM clause), with a link to the
 * enclosing SELECT's scope for correlated sub-queries. Built and used by one
 * translation only; not thread-safe.
 */
final class Scope {

    /**
     * One FROM item.
     *
     * @param alias     the alias, or null
     * @param table     the archive table, or null for a sub-query
     * @param columns   the visible columns, in order (hidden columns left out)
     * @param qualifier how H2 SQL qualifies its columns: {@code "t"} or {@code "ida"."observations"}
     * @param display   how messages name it
     */
    record Source(Ident alias, TableDef table, List<ColumnDef> columns, String qualifier,
                  String display) {

        ColumnDef column(Ident name) {
            for (ColumnDef c : columns) {
                if (name.matches(c.name())) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A resolved column reference. */
    record Resolved(Source source, ColumnDef column, boolean local) {
        String sql() {
            return source.qualifier() + "." + Names.quote(column.name());
        }
    }

    private final Scope parent;
    private final List<Source> sources = new ArrayList<>();
    /** Column names merged by JOIN ... USING or NATURAL JOIN (lower case). */
    private final Set<String> merged = new HashSet<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope parent() {
        return parent;
    }

    List<Source> sources() {
        return sources;
    }

    void add(Source s) throws AdqlException {
        for (Source o : sources) {
            if (o.qualifier().equals(s.qualifier())) {
                throw new AdqlException("Table " + s.display()
                                        + " appears twice in FROM: give it an alias");
            }
        }
        sources.add(s);
    }

    void merge(String columnName) {
        merged.add(Names.lower(columnName));
    }

    /**
     * Resolves a column reference.
     *
     * @param qualifier table qualifier parts, innermost first ({@code [table, schema]}), maybe empty
     * @param name      column name
     * @param text      the reference as written, for messages
     */
    Resolved resolve(List<Ident> qualifier, Ident name, String text) throws AdqlException {
        for (Scope s = this; s != null; s = s.parent) {
            Resolved r = s.resolveHere(qualifier, name, text);
            if (r != null) {
                return s == this ? r : new Resolved(r.source(), r.column(), false);
            }
        }
        if (qualifier.isEmpty()) {
            String tables = sources.stream().map(Source::display).collect(Collectors.joining(", "));
            throw new AdqlException("Unknown column \"" + name + "\""
                                    + (tables.isEmpty() ? "" : " in " + tables));
        }
        for (Scope s = this; s != null; s = s.parent) {
            List<Source> named = s.findQualified(qualifier);
            if (!named.isEmpty()) {
                throw new AdqlException("Unknown column \"" + name + "\" in " + named.get(0).display());
            }
        }
        throw new AdqlException("Unknown table \"" + joinQualifier(qualifier)
                                + "\" in column reference \"" + text + "\"");
    }

    private Resolved resolveHere(List<Ident> qualifier, Ident name, String text)
            throws AdqlException {
        List<Source> candidates = qualifier.isEmpty() ? sources : findQualified(qualifier);
        if (!qualifier.isEmpty() && candidates.size() > 1) {
            throw new AdqlException("Ambiguous table reference \"" + joinQualifier(qualifier)
                                    + "\" in \"" + text + "\": use aliases");
        }
        List<Resolved> found = new ArrayList<>();
        for (Source s : candidates) {
            ColumnDef c = s.column(name);
            if (c != null) {
                found.add(new Resolved(s, c, true));
            }
        }
        if (found.size() > 1 && !merged.contains(Names.lower(found.get(0).column().name()))) {
            throw new AdqlException("Ambiguous column \"" + name + "\": it is in "
                + found.stream().map(r -> r.source().display()).collect(Collectors.joining(" and "))
                + "; qualify it");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The sources of this scope a {@code [table]} or {@code [table, schema]} qualifier names. */
    List<Source> findQualified(List<Ident> qualifier) {
        List<Source> out = new ArrayList<>();
        Ident table = qualifier.get(0);
        Ident schema = qualifier.size() > 1 ? qualifier.get(1) : null;
        for (Source s : sources) {
            if (schema == null) {
                boolean hit = s.alias() != null
                    ? aliasMatches(table, s.alias())
                    : s.table() != null && table.matches(s.table().simpleName());
                if (hit) {
                    out.add(s);
                }
            } else if (s.table() != null && table.matches(s.table().simpleName())
                       && schemaMatches(schema, s.table().schema())) {
                out.add(s);
            }
        }
        return out;
    }

    /** Regular names compare case-insensitively with regular aliases, else exactly. */
    static boolean aliasMatches(Ident ref, Ident alias) {
        return !ref.delimited() && !alias.delimited()
            ? ref.name().equalsIgnoreCase(alias.name()) : ref.name().equals(alias.name());
    }

    /**
     * Schema names compare like other identifiers, except that the standard's
     * upper-case {@code "TAP_SCHEMA"} also names the stored {@code tap_schema}.
     */
    static boolean schemaMatches(Ident schema, String stored) {
        return schema.matches(stored)
               || schema.name().equals("TAP_SCHEMA") && stored.equalsIgnoreCase("tap_schema");
    }

    private static String joinQualifier(List<Ident> q) {
        return q.size() == 1 ? q.get(0).name() : q.get(1).name() + "." + q.get(0).name();
    }
}
