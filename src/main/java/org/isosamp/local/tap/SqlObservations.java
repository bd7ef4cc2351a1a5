package org.isosamp.local.tap;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.isosamp.local.db.ArchiveDatabase;
import org.isosamp.local.products.ObservationInfo;

/**
 * Observation look-ups in {@code ida.observations}. A TDT can occur on several
 * rows (a prime observation and its parallel {@code C//}/{@code L//} ones):
 * the prime one wins. Thread-safe.
 */
final class SqlObservations implements DataEndpoint.Observations {

    private static final String SELECT = "SELECT \"tdt\", \"obsno\", \"revno\", \"aotname\", \"target\","
        + " \"ra_deg\", \"dec\" FROM \"ida\".\"observations\" WHERE \"%s\" = ?"
        + " ORDER BY CASE WHEN \"aotname\" LIKE '%%//' THEN 1 ELSE 0 END, \"obsno\" LIMIT 1";

    private final ArchiveDatabase db;

    SqlObservations(ArchiveDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<ObservationInfo> byTdt(String tdt) throws IOException {
        return find("tdt", tdt);
    }

    @Override
    public Optional<ObservationInfo> byObsno(String obsno) throws IOException {
        return find("obsno", obsno);
    }

    private Optional<ObservationInfo> find(String column, String digits) throws IOException {
        long value;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        try (Connection c = db.queryConnection();
             PreparedStatement ps = c.prepareStatement(String.format(SELECT, column))) {
            ps.setLong(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ObservationInfo(
                    rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getString(5) == null ? "" : rs.getString(5),
                    (Double) rs.getObject(6, Double.class), (Double) rs.getObject(7, Double.class)));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 22003) {   // numeric value out of range: no such row
                return Optional.empty();
            }
            throw new IOException("observation look-up failed: " + e.getMessage(), e);
        }
    }
}
