/** Clinical notes, append-only. */
@NullMarked
package app.physioportal.notes;

import org.jspecify.annotations.NullMarked;
