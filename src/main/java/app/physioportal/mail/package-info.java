/**
 * Email: an outbox that loses none. Modules queue an {@link app.physioportal.mail.OutgoingEmail} in the
 * transaction of the change that causes it; the sender delivers it after commit and retries while the mail server
 * is away. Laid out in plain text and HTML by {@link app.physioportal.mail.EmailLayout}.
 */
@NullMarked
package app.physioportal.mail;

import org.jspecify.annotations.NullMarked;
