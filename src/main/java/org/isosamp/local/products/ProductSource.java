package org.isosamp.local.products;

import java.io.IOException;
import org.isosamp.model.ProductLevel;
import org.isosamp.model.RetrievalType;

/**
 * Finds or makes the product file for one observation. Implementations are
 * thread-safe; a returned {@link Product#file()} is complete and does not
 * change afterwards (so Range requests on it are consistent).
 */
public interface ProductSource {

    /**
     * @param obs   the observation (known to exist in ida.observations)
     * @param type  what to retrieve
     * @param level product level; only meaningful for OBSERVATION (null = DEFAULT_DATA_SET)
     * @return the product
     * @throws NoSuchProductException if this observation has no such product
     * @throws IOException if it could not be made or read
     */
    Product product(ObservationInfo obs, RetrievalType type, ProductLevel level) throws IOException;
}
