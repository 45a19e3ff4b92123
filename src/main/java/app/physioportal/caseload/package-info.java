/** The physio's caseload and patient page, composed of the panels the features offer. */
package app.physioportal.caseload;
