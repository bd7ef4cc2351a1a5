package org.isosamp.local.adql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.isosamp.local.adql.ExprWriter.Typed;
import org.isosamp.local.adql.Names.Ident;
import org.isosamp.local.meta.ArchiveMetadata;
import org.isosamp.local.meta.ColumnDef;
import org.isosamp.local.meta.TableDef;

/**
 * Writes one ADQL SELECT (and, recursively, its sub-queries) as H2 SQL:
 * resolves FROM against the archive metadata, expands {@code *}, labels every
 * select item with {@code AS "label"}, turns {@code TOP n} into {@code LIMIT n}
 * and adds the spatial index prefilter. Immutable and thread-safe: each call
 * builds its own {@link Scope}s and {@link ExprWriter}s.
 */
final class SelectWriter {

    /** A written SELECT: its SQL and the FIELDs of its result columns. */
    record Result(String sql, List<ColumnDef> fields) { }

    private final ArchiveMetadata metadata;
    private final Set<String> indexed;

    SelectWriter(ArchiveMetadata metadata, Set<String> indexed) {
        this.metadata = metadata;
        this.indexed = indexed;
    }

    /** Writes a parenthesised sub-query (in WHERE, a select item or FROM), parenthesised. */
    Result subquery(ParenthesedSelect sub, Scope outer) throws AdqlException {
        if (sub.getOrderByElements() != null || sub.getLimit() != null || sub.getOffset() != null
            || sub.getFetch() != null || sub.getWithItemsList() != null) {
            throw new AdqlException("Unsupported syntax after sub-query "
                                    + ExprWriter.shorten(sub));
        }
        PlainSelect ps = plain(sub.getSelect());
        Result r = write(ps, outer);
        return new Result("(" + r.sql() + ")", r.fields());
    }

    /** @return {@code s} if it is a plain SELECT, else an explanation */
    static PlainSelect plain(Select s) throws AdqlException {
        if (s instanceof PlainSelect ps) {
            return ps;
        } else if (s instanceof ParenthesedSelect p) {
            PlainSelect inner = plain(p.getSelect());
            if (p.getAlias() != null || p.getOrderByElements() != null || p.getLimit() != null
                || p.getOffset() != null || p.getFetch() != null) {
                throw new AdqlException("Unsupported syntax around " + ExprWriter.shorten(p));
            }
            return inner;
        } else if (s instanceof net.sf.jsqlparser.statement.select.SetOperationList) {
            throw new AdqlException("UNION, INTERSECT and EXCEPT are not supported");
        }
        throw new AdqlException("Only SELECT queries are allowed (got " + firstWord(s) + ")");
    }

    static String firstWord(Object statement) {
        String s = String.valueOf(statement).trim();
        int sp = s.indexOf(' ');
        return (sp < 0 ? s : s.substring(0, sp)).toUpperCase(java.util.Locale.ROOT);
    }

    /** Writes {@code ps}, whose columns may refer to {@code outer} (correlation), or top level if null. */
    Result write(PlainSelect ps, Scope outer) throws AdqlException {
        SelectChecks.check(ps);
        Scope scope = new Scope(outer);
        String from = from(ps, scope);
        ExprWriter ew = new ExprWriter(this, scope);

        StringBuilder sql = new StringBuilder("SELECT ");
        if (ps.getDistinct() != null) {
            sql.append("DISTINCT ");
        }
        List<ColumnDef> fields = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            selectItem(item, scope, ew, items, fields);
        }
        sql.append(String.join(", ", items));
        if (from != null) {
            sql.append(" FROM ").append(from);
        }
        if (ps.getWhere() != null) {
            sql.append(" WHERE ").append(ew.write(ps.getWhere()).sql());
            for (String prefilter : CellFilter.predicates(ps.getWhere(), scope, indexed)) {
                sql.append(" AND ").append(prefilter);
            }
        }
        GroupByElement g = ps.getGroupBy();
        if (g != null) {
            List<String> keys = new ArrayList<>();
            for (Object e : g.getGroupByExpressionList()) {
                keys.add(groupKey((Expression) e, fields, ew));
            }
            if (!keys.isEmpty()) {
                sql.append(" GROUP BY ").append(String.join(", ", keys));
            }
        }
        if (ps.getHaving() != null) {
            sql.append(" HAVING ").append(ew.write(ps.getHaving()).sql());
        }
        if (ps.getOrderByElements() != null && !ps.getOrderByElements().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (OrderByElement o : ps.getOrderByElements()) {
                keys.add(orderKey(o.getExpression(), fields, ew) + (o.isAsc() ? "" : " DESC"));
            }
            sql.append(" ORDER BY ").append(String.join(", ", keys));
        }
        if (ps.getTop() != null) {
            sql.append(" LIMIT ").append(count(ps.getTop().getExpression(), "TOP"));
        }
        if (ps.getOffset() != null) {
            sql.append(" OFFSET ").append(count(ps.getOffset().getOffset(), "OFFSET"));
        }
        return new Result(sql.toString(), fields);
    }

    private static long count(Expression e, String what) throws AdqlException {
        if (e instanceof LongValue v && v.getValue() >= 0) {
            return v.getValue();
        }
        throw new AdqlException(what + " needs a non-negative integer, not " + ExprWriter.shorten(e));
    }

    private void selectItem(SelectItem<?> item, Scope scope, ExprWriter ew, List<String> items,
                            List<ColumnDef> fields) throws AdqlException {
        Expression e = item.getExpression();
        if (e instanceof AllTableColumns atc) {
            List<Scope.Source> s = scope.findQualified(Names.qualifier(atc.getTable()));
            if (s.size() != 1) {
                throw new AdqlException((s.isEmpty() ? "Unknown table \"" : "Ambiguous table \"")
                                        + atc.getTable() + "\" in " + atc);
            }
            expand(s.get(0), items, fields);
            return;
        } else if (e instanceof AllColumns ac) {
            if (ac.getExceptColumns() != null || ac.getReplaceExpressions() != null
                || ac.getClass() != AllColumns.class) {
                throw new AdqlException("Unsupported select item " + ExprWriter.shorten(ac));
            }
            if (scope.sources().isEmpty()) {
                throw new AdqlException("SELECT * needs a FROM clause");
            }
            for (Scope.Source s : scope.sources()) {
                expand(s, items, fields);
            }
            return;
        }
        Typed t = ew.write(e);
        String label;
        Alias alias = item.getAlias();
        if (alias != null) {
            if (alias.getAliasColumns() != null && !alias.getAliasColumns().isEmpty()) {
                throw new AdqlException("Unsupported alias " + alias);
            }
            label = Names.ident(alias.getName()).label();
        } else {
            label = t.label() != null ? t.label() : "col" + (fields.size() + 1);
        }
        ColumnDef type = t.type() == ExprWriter.NULL_TYPE ? Types.STRING : t.type();
        String expr = t.sql();
        if (t.column() == null && Types.isNumeric(type)) {
            // computed numbers get exactly the type their FIELD declares
            expr = "CAST(" + expr + " AS " + type.sqlType() + ")";
        }
        items.add(expr + " AS " + Names.quote(label));
        fields.add(type.withName(label));
    }

    private static void expand(Scope.Source s, List<String> items, List<ColumnDef> fields) {
        for (ColumnDef c : s.columns()) {
            items.add(s.qualifier() + "." + Names.quote(c.name()) + " AS " + Names.quote(c.name()));
            fields.add(c);
        }
    }

    /** GROUP BY: an expression, or else the label of a select item (as H2 allows). */
    private static String groupKey(Expression e, List<ColumnDef> fields, ExprWriter ew)
            throws AdqlException {
        try {
            return ew.write(e).sql();
        } catch (AdqlException ex) {
            String label = e instanceof Column c && c.getTable() == null
                ? label(Names.ident(c.getColumnName()), fields) : null;
            if (label == null) {
                throw ex;
            }
            return label;
        }
    }

    /** @return the quoted output label {@code id} names, or null */
    private static String label(Ident id, List<ColumnDef> fields) {
        for (ColumnDef f : fields) {
            if (id.delimited() ? f.name().equals(id.name()) : f.name().equalsIgnoreCase(id.name())) {
                return Names.quote(f.name());
            }
        }
        return null;
    }

    /** ORDER BY: an ordinal, an output label, or an expression. */
    private static String orderKey(Expression e, List<ColumnDef> fields, ExprWriter ew)
            throws AdqlException {
        if (e instanceof LongValue v) {
            if (v.getValue() < 1 || v.getValue() > fields.size()) {
                throw new AdqlException("ORDER BY " + v + " is out of range: the query selects "
                                        + fields.size() + " column" + (fields.size() == 1 ? "" : "s"));
            }
            return Long.toString(v.getValue());
        }
        if (e instanceof Column c && c.getTable() == null) {
            String label = label(Names.ident(c.getColumnName()), fields);
            if (label != null) {
                return label;
            }
        }
        return ew.write(e).sql();
    }

    // ---- FROM ----

    private String from(PlainSelect ps, Scope scope) throws AdqlException {
        if (ps.getFromItem() == null) {
            if (ps.getJoins() != null && !ps.getJoins().isEmpty()) {
                throw new AdqlException("JOIN without FROM");
            }
            return null;
        }
        List<Join> joins = ps.getJoins() == null ? List.of() : ps.getJoins();
        List<String> items = new ArrayList<>();
        items.add(source(ps.getFromItem(), scope));
        for (Join j : joins) {
            SelectChecks.check(j);
            items.add(source(j.getRightItem(), scope));
        }
        // conditions are written once every table is known
        ExprWriter ew = new ExprWriter(this, scope);
        StringBuilder sb = new StringBuilder(items.get(0));
        for (int i = 0; i < joins.size(); i++) {
            Join j = joins.get(i);
            Scope.Source right = scope.sources().get(i + 1);
            List<Scope.Source> left = scope.sources().subList(0, i + 1);
            String item = items.get(i + 1);
            if (j.isSimple()) {
                sb.append(", ").append(item);
                continue;
            } else if (j.isCross()) {
                sb.append(" CROSS JOIN ").append(item);
                continue;
            }
            String kind = j.isLeft() ? " LEFT JOIN " : j.isRight() ? " RIGHT JOIN " : " JOIN ";
            sb.append(kind).append(item).append(" ON ");
            List<Column> using = j.getUsingColumns() == null ? List.of() : j.getUsingColumns();
            Expression on = j.getOnExpressions() == null || j.getOnExpressions().isEmpty()
                ? null : j.getOnExpressions().iterator().next();
            if (j.isNatural()) {
                if (on != null || !using.isEmpty()) {
                    throw new AdqlException("NATURAL JOIN takes no ON or USING");
                }
                sb.append(using(natural(left, right), left, right, scope));
            } else if (!using.isEmpty()) {
                List<Ident> names = new ArrayList<>();
                for (Column c : using) {
                    names.add(Names.ident(c.getColumnName()));
                }
                sb.append(using(names, left, right, scope));
            } else if (on != null) {
                sb.append(ew.write(on).sql());
            } else {
                throw new AdqlException("JOIN " + right.display() + " needs ON or USING");
            }
        }
        return sb.toString();
    }

    private static List<Ident> natural(List<Scope.Source> left, Scope.Source right) {
        Set<String> names = new LinkedHashSet<>();
        for (ColumnDef c : right.columns()) {
            for (Scope.Source l : left) {
                if (l.column(new Ident(c.name(), true)) != null) {
                    names.add(c.name());
                }
            }
        }
        return names.stream().map(n -> new Ident(n, true)).collect(Collectors.toList());
    }

    /** USING (a, b) as {@code l."a" = r."a" AND l."b" = r."b"}; the columns become unambiguous. */
    private static String using(List<Ident> names, List<Scope.Source> left, Scope.Source right,
                                Scope scope) throws AdqlException {
        if (names.isEmpty()) {
            return "1 = 1";
        }
        List<String> conds = new ArrayList<>();
        for (Ident n : names) {
            ColumnDef rc = right.column(n);
            Scope.Source ls = null;
            for (Scope.Source l : left) {
                if (l.column(n) != null) {
                    ls = l;
                    break;
                }
            }
            if (rc == null || ls == null) {
                throw new AdqlException("Unknown column \"" + n + "\" in USING: it must be in "
                                        + right.display() + " and in a table before it");
            }
            ColumnDef lc = ls.column(n);
            conds.add("(" + ls.qualifier() + "." + Names.quote(lc.name()) + " = "
                      + right.qualifier() + "." + Names.quote(rc.name()) + ")");
            scope.merge(rc.name());
        }
        return String.join(" AND ", conds);
    }

    private String source(FromItem item, Scope scope) throws AdqlException {
        Ident alias = null;
        if (item.getAlias() != null) {
            Alias a = item.getAlias();
            if (a.getAliasColumns() != null && !a.getAliasColumns().isEmpty()) {
                throw new AdqlException("Unsupported alias " + a);
            }
            alias = Names.ident(a.getName());
        }
        String aliasSql = alias == null ? null
            : Names.quote(alias.delimited() ? alias.name() : Names.lower(alias.name()));
        if (item instanceof Table t) {
            SelectChecks.check(t);
            TableDef def = table(t);
            List<ColumnDef> cols = def.columns().stream()
                .filter(c -> !Names.isHidden(c.name())).toList();
            String display = def.name() + (alias == null ? "" : " AS " + alias.name());
            scope.add(new Scope.Source(alias, def, cols, alias == null ? def.sqlName() : aliasSql,
                                       display));
            return def.sqlName() + (alias == null ? "" : " AS " + aliasSql);
        } else if (item instanceof ParenthesedSelect sub) {
            if (alias == null) {
                throw new AdqlException("A sub-query in FROM needs an alias: "
                                        + ExprWriter.shorten(sub) + " AS name");
            }
            if (sub.getPivot() != null || sub.getUnPivot() != null || sub.getSampleClause() != null) {
                throw new AdqlException("Unsupported syntax after sub-query " + alias);
            }
            Result r = subquery(sub, scope.parent());
            scope.add(new Scope.Source(alias, null, r.fields(), aliasSql, alias.name()));
            return r.sql() + " AS " + aliasSql;
        }
        throw new AdqlException("Unsupported FROM item " + ExprWriter.shorten(item));
    }

    /** Finds an archive table by {@code [schema.]table}; unqualified only if unique. */
    TableDef table(Table t) throws AdqlException {
        List<Ident> q = Names.qualifier(t);
        String shown = q.size() == 1 ? q.get(0).name() : q.get(1).name() + "." + q.get(0).name();
        if (q.size() > 2) {
            throw new AdqlException("Unknown table \"" + t.getFullyQualifiedName().replace("\"", "")
                                    + "\": use schema.table");
        }
        Ident name = q.get(0);
        Ident schema = q.size() > 1 ? q.get(1) : null;
        List<TableDef> hits = new ArrayList<>();
        for (TableDef d : metadata.tables()) {
            if (name.matches(d.simpleName())
                && (schema == null || Scope.schemaMatches(schema, d.schema()))) {
                hits.add(d);
            }
        }
        if (hits.size() == 1) {
            return hits.get(0);
        } else if (hits.isEmpty()) {
            throw new AdqlException("Unknown table \"" + shown + "\"");
        }
        throw new AdqlException("Ambiguous table \"" + shown + "\": qualify it with its schema ("
            + hits.stream().map(TableDef::name).collect(Collectors.joining(", ")) + ")");
    }
}
