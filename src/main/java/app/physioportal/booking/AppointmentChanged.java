package app.physioportal.booking;

import java.time.Instant;

/**
 * Published inside the transaction that changed an appointment; the mailer hears it only after that
 * transaction committed. Carries everything the email needs, so the listener reads nothing.
 */
record AppointmentChanged(Kind kind, long appointmentId, int sequence, Instant start, Instant end,
        AppointmentType type, String patientName, String patientEmail, String physioName, String physioEmail,
        boolean byPatient, Instant previousStart) {

    enum Kind {
        BOOKED, RESCHEDULED, CANCELLED
    }
}
