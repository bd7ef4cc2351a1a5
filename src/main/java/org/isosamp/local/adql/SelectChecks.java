package org.isosamp.local.adql;

import java.util.List;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Top;

/**
 * Refuses the parts of JSqlParser's SELECT that ADQL does not have (LIMIT,
 * FETCH, INTO, FOR UPDATE, WITH, window clauses, hints, ...). The writers only
 * ever emit the clauses they know, so these checks are about telling the user
 * rather than about safety. Stateless, thread-safe.
 */
final class SelectChecks {

    private SelectChecks() {
    }

    static void check(PlainSelect ps) throws AdqlException {
        if (ps.getWithItemsList() != null && !ps.getWithItemsList().isEmpty()) {
            throw new AdqlException("WITH is not supported");
        }
        if (ps.getLimit() != null || ps.getFetch() != null) {
            throw new AdqlException("LIMIT and FETCH are not ADQL: use SELECT TOP n");
        }
        if (ps.getIntoTables() != null || ps.getIntoTempTable() != null) {
            throw new AdqlException("SELECT INTO is not allowed");
        }
        if (ps.getForMode() != null || ps.getForUpdateTable() != null || ps.getWait() != null
            || ps.isNoWait() || ps.isSkipLocked() || ps.getForClause() != null
            || ps.getIsolation() != null) {
            throw new AdqlException("Locking clauses (FOR UPDATE, ...) are not allowed");
        }
        Top top = ps.getTop();
        if (top != null && (top.isPercentage() || top.isWithTies())) {
            throw new AdqlException("Unsupported TOP syntax: " + top);
        }
        if (ps.getDistinct() != null && (ps.getDistinct().isUseUnique()
            || ps.getDistinct().getOnSelectItems() != null
               && !ps.getDistinct().getOnSelectItems().isEmpty())) {
            throw new AdqlException("Unsupported " + ps.getDistinct().toString().trim()
                                    + ": ADQL has only DISTINCT");
        }
        boolean other = ps.getSkip() != null || ps.getFirst() != null || ps.getQualify() != null
            || ps.getOracleHierarchical() != null || ps.getOracleHint() != null
            || notEmpty(ps.getWindowDefinitions()) || ps.getForXmlPath() != null
            || ps.getKsqlWindow() != null || ps.getSampleClause() != null
            || ps.getOptimizeFor() != null || ps.getPreferringClause() != null
            || ps.isEmitChanges() || ps.getMySqlHintStraightJoin() || ps.getMySqlSqlCalcFoundRows()
            || ps.getMySqlSqlCacheFlag() != null || ps.getBigQuerySelectQualifier() != null
            || ps.isUsingFinal() || ps.isUsingOnly() || ps.isUseWithNoLog()
            || notEmpty(ps.getLateralViews()) || ps.getLimitBy() != null || ps.isOracleSiblings();
        if (other) {
            throw new AdqlException("Unsupported SELECT syntax: " + ExprWriter.shorten(ps));
        }
        GroupByElement g = ps.getGroupBy();
        if (g != null && (notEmpty(g.getGroupingSets()) || g.isMysqlWithRollup())) {
            throw new AdqlException("Unsupported GROUP BY syntax: " + ExprWriter.shorten(g));
        }
        if (ps.getOrderByElements() != null) {
            for (OrderByElement o : ps.getOrderByElements()) {
                if (o.getNullOrdering() != null || o.isMysqlWithRollup()) {
                    throw new AdqlException("Unsupported ORDER BY syntax: " + o);
                }
            }
        }
    }

    static void check(Join j) throws AdqlException {
        if (j.isFull()) {
            throw new AdqlException("FULL OUTER JOIN is not supported");
        }
        if (j.isApply() || j.isSemi() || j.isStraight() || j.isGlobal() || j.isWindowJoin()
            || j.getJoinHint() != null
            || j.getOnExpressions() != null && j.getOnExpressions().size() > 1) {
            throw new AdqlException("Unsupported JOIN syntax: " + ExprWriter.shorten(j));
        }
        if (j.isNatural() && (j.isCross() || j.isSimple())) {
            throw new AdqlException("Unsupported JOIN syntax: " + ExprWriter.shorten(j));
        }
    }

    static void check(Table t) throws AdqlException {
        if (t.getPivot() != null || t.getUnPivot() != null || t.getIndexHint() != null
            || t.getSqlServerHints() != null || t.getSampleClause() != null) {
            // (a database link, t@link, fails as an identifier)
            throw new AdqlException("Unsupported table syntax: " + ExprWriter.shorten(t));
        }
    }

    private static boolean notEmpty(List<?> l) {
        return l != null && !l.isEmpty();
    }
}
