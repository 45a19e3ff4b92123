/** The clinic's exercise library. */
@NullMarked
package app.physioportal.exercise;

import org.jspecify.annotations.NullMarked;
