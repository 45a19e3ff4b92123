/** Versioned exercise plans and the adherence log. */
@NullMarked
package app.physioportal.plan;

import org.jspecify.annotations.NullMarked;
