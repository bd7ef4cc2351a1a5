/** STIL glue: printing tables as astropy's pprint does, and saving them in any STIL format. */
package org.isosamp.table;
