package app.physioportal.booking.ui;

import app.physioportal.booking.BookingService;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.clinic.Clinic;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The patient's next appointment in one card, with a link to the booking page. For the patient's home page:
 * {@code new NextAppointmentCard(bookingService, clinic, patientId)}.
 */
@NamedInterface("panels")
public class NextAppointmentCard extends Div {

    private final BookingService booking;
    private final Clinic clinic;
    private final long patientId;
    private boolean showLink = true;

    public NextAppointmentCard(BookingService booking, Clinic clinic, long patientId) {
        this.clinic = clinic;
        this.booking = booking;
        this.patientId = patientId;
        setId("next-appointment");
        addClassNames("card", "next-appointment");
        refresh();
    }

    /** On the appointments page itself the link would lead nowhere new. */
    public NextAppointmentCard withoutLink() {
        showLink = false;
        refresh();
        return this;
    }

    public void refresh() {
        removeAll();
        Optional<AppointmentSummary> next = booking.nextAppointment(patientId);
        Div head = new Div(VaadinIcon.CALENDAR_CLOCK.create(), new Span("Next appointment"));
        head.addClassName("next-appointment-head");
        add(head);
        if (next.isPresent()) {
            AppointmentSummary a = next.get();
            Span when = new Span(BookingFormats.when(a, clinic));
            when.setId("next-appointment-when");
            when.addClassName("card-title");
            Span detail = new Span(a.type().label() + " with " + a.physioName());
            detail.addClassName("card-detail");
            add(when, detail);
        } else {
            Span none = new Span("No appointment booked.");
            none.setId("next-appointment-when");
            none.addClassName("card-detail");
            add(none);
        }
        if (showLink) {
            Anchor link = new Anchor("appointments",
                    next.isPresent() ? "See or change appointments" : "Book a follow-up");
            link.setId("next-appointment-link");
            link.addClassName("next-appointment-link");
            add(link);
        }
    }
}
