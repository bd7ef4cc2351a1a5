/** The local archive's metadata model: one source for /tables, TAP_SCHEMA and result FIELDs. */
package org.isosamp.local.meta;
