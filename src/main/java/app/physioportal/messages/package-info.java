/**
 * Messages between a patient and their care team: one append-only conversation per patient, each message able to
 * point at a night, a week, a plan version or an appointment; read receipts, withdrawal within five minutes, an
 * email without content at most hourly, and a cheap per-instance watch so open pages see new messages.
 */
@NullMarked
package app.physioportal.messages;

import org.jspecify.annotations.NullMarked;
