/** Clinical notes, append-only. */
package app.physioportal.notes;
