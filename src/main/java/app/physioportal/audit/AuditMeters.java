package app.physioportal.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The portal's own counters, taken from the audit trail as each event is written, so every feature that audits is
 * counted without knowing about metrics: sign-ins by outcome, cramps logged, morning check-ins, bookings by change,
 * messages sent and refusals of access. Counts are per instance since it started (Prometheus adds instances up).
 */
final class AuditMeters {

    private final Map<AuditAction, Counter> counters = new EnumMap<>(AuditAction.class);

    AuditMeters(MeterRegistry meters) {
        signIn(meters, AuditAction.LOGIN_SUCCESS, "success");
        signIn(meters, AuditAction.LOGIN_FAILURE, "failure");
        signIn(meters, AuditAction.LOGIN_LOCKED, "locked");
        signIn(meters, AuditAction.LOGIN_THROTTLED, "throttled");
        signIn(meters, AuditAction.LOGIN_CROSS_SITE_REFUSED, "cross_site");
        signIn(meters, AuditAction.SECOND_FACTOR_FAILED, "second_factor_failure");
        counters.put(AuditAction.CRAMP_LOGGED, Counter.builder("portal.cramps.logged")
                .description("Cramps logged by patients and their helpers").register(meters));
        counters.put(AuditAction.NIGHT_CHECKED_IN, Counter.builder("portal.check.ins")
                .description("Morning check-ins answered").register(meters));
        booking(meters, AuditAction.APPOINTMENT_BOOKED, "booked");
        booking(meters, AuditAction.APPOINTMENT_RESCHEDULED, "rescheduled");
        booking(meters, AuditAction.APPOINTMENT_CANCELLED, "cancelled");
        counters.put(AuditAction.MESSAGE_SENT, Counter.builder("portal.messages.sent")
                .description("Messages between patients and physios").register(meters));
        counters.put(AuditAction.ACCESS_DENIED, Counter.builder("portal.access.denied")
                .description("Refused attempts to reach a record or a page").register(meters));
    }

    private void signIn(MeterRegistry meters, AuditAction action, String outcome) {
        counters.put(action, Counter.builder("portal.sign.ins").description("Sign-in attempts by outcome")
                .tag("outcome", outcome).register(meters));
    }

    private void booking(MeterRegistry meters, AuditAction action, String change) {
        counters.put(action, Counter.builder("portal.bookings").description("Appointments booked, moved and cancelled")
                .tag("change", change).register(meters));
    }

    void recorded(AuditAction action, int events) {
        Counter counter = counters.get(action);
        if (counter != null) {
            counter.increment(events);
        }
    }
}
