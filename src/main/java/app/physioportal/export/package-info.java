/** A patient's download of everything held about them. */
package app.physioportal.export;
