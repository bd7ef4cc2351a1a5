/** The local archive's H2 database: schema creation, loading, TAP_SCHEMA, the zone index. */
package org.isosamp.local.db;
