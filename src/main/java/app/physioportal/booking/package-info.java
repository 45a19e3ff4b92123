/** Working hours, open slots and appointments (no double booking, enforced by a unique key), with emails. */
package app.physioportal.booking;
