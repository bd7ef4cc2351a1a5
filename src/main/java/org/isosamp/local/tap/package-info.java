/** The local archive's HTTP layer: TAP sync/async (UWS), VOSI, the data endpoint. */
package org.isosamp.local.tap;
