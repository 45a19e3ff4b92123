/** The clinic's settings: time zone, language, today, and how dates and times are written. */
package app.physioportal.clinic;
