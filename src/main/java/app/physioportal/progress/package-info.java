/** Weekly figures, baseline against now and the charts drawn from them. */
@NullMarked
package app.physioportal.progress;

import org.jspecify.annotations.NullMarked;
