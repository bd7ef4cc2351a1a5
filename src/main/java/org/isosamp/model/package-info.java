/**
 * Immutable values shared by the archive client and the local archive: retrieval
 * types, product levels, identifiers. No I/O and no dependencies.
 */
package org.isosamp.model;
