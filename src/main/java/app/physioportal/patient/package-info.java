/** The patient record beside the sign-in account: physio assignment, date of birth, medicines; who treats whom. */
package app.physioportal.patient;
