/** Cramp entries, night check-ins, the night rule and diary statistics. */
@NullMarked
package app.physioportal.diary;

import org.jspecify.annotations.NullMarked;
