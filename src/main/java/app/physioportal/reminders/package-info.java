/**
 * Reminders that bring patients back at bedtime: each patient's settings, the scheduled job that decides once per
 * person, kind and night (across instances) and queues the email through the outbox, the morning email's
 * one-press "No cramps" link, one-click unsubscribe, and the nightly calendar event.
 */
@NullMarked
package app.physioportal.reminders;

import org.jspecify.annotations.NullMarked;
