/** Accounts, roles, sign-in, lockout and PatientAccess, the one place deciding who may see a patient. */
@NullMarked
package app.physioportal.security;

import org.jspecify.annotations.NullMarked;
