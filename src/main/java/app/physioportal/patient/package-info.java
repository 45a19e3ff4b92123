/** The patient record beside the sign-in account: physio assignment, date of birth, medicines; who treats whom. */
@NullMarked
package app.physioportal.patient;

import org.jspecify.annotations.NullMarked;
