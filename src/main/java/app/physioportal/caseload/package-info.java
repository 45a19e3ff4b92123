/** The physio's caseload and patient page, composed of the panels the features offer. */
@NullMarked
package app.physioportal.caseload;

import org.jspecify.annotations.NullMarked;
