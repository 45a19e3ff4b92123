/**
 * Records that travel: the printable progress report (for the GP, a review or discharge letter) and a FHIR R4
 * export of the patient's plan, diary and appointments. Reads the other modules through their public services.
 */
@NullMarked
package app.physioportal.records;

import org.jspecify.annotations.NullMarked;
