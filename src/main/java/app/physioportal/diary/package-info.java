/** Cramp entries, night check-ins, the night rule and diary statistics. */
package app.physioportal.diary;
