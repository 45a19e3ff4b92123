/** The patient's home page, composed of the panels plan, diary and booking offer. */
@NullMarked
package app.physioportal.today;

import org.jspecify.annotations.NullMarked;
