/** Accounts, roles, sign-in, lockout and PatientAccess, the one place deciding who may see a patient. */
package app.physioportal.security;
