package app.physioportal.booking.ui;

import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.clinic.Clinic;

/** How booking screens write an appointment's time: the clinic's wall clock, in words a patient reads at a glance. */
final class BookingFormats {

    private BookingFormats() {
    }

    /** "Tuesday 3 March, 14:00–14:30" */
    static String when(AppointmentSummary a, Clinic clinic) {
        return clinic.longDay(clinic.at(a.start())) + ", " + clinic.time(a.start()) + "–" + clinic.time(a.end());
    }
}
