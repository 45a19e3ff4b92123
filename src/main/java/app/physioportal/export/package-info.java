/** A patient's download of everything held about them. */
@NullMarked
package app.physioportal.export;

import org.jspecify.annotations.NullMarked;
