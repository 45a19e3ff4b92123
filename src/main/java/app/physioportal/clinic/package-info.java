/** The clinic's settings: time zone, language, today, and how dates and times are written. */
@NullMarked
package app.physioportal.clinic;

import org.jspecify.annotations.NullMarked;
