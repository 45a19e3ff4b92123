/** Working hours, open slots and appointments (no double booking, enforced by a unique key), with emails. */
@NullMarked
package app.physioportal.booking;

import org.jspecify.annotations.NullMarked;
