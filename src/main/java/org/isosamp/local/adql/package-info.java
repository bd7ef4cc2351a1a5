/**
 * ADQL to H2 SQL for the local archive: {@link org.isosamp.local.adql.AdqlTranslator}
 * parses with JSqlParser, checks every node against an ADQL whitelist,
 * resolves tables and columns against the archive metadata and writes fresh
 * H2 SQL plus the result FIELDs ({@link org.isosamp.local.adql.Translation}).
 */
package org.isosamp.local.adql;
