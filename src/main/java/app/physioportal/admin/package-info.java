/** The clinic admin's screens: accounts and the audit-trail search. */
@NullMarked
package app.physioportal.admin;

import org.jspecify.annotations.NullMarked;
