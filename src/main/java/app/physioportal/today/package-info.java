/** The patient's home page, composed of the panels plan, diary and booking offer. */
package app.physioportal.today;
