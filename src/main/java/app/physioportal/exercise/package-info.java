/** The clinic's exercise library. */
package app.physioportal.exercise;
