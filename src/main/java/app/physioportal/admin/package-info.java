/** The clinic admin's screens: accounts and the audit-trail search. */
package app.physioportal.admin;
