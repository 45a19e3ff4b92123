package app.physioportal.booking.ui;

import app.physioportal.booking.AppointmentStatus;
import app.physioportal.booking.BookingException;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.clinic.Clinic;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.modulith.NamedInterface;

/**
 * One patient's appointments, upcoming and past, with what the viewer may do about them: a patient cancels
 * or moves outside the notice period; the physio cancels, and marks attended or did-not-attend afterwards.
 * For the patient's booking page and, later, the physio's patient page:
 * {@code new PatientAppointments(bookingService, clinic, clock, patientId, true)}.
 */
@NamedInterface("panels")
public class PatientAppointments extends Div {

    private final BookingService booking;
    private final Clinic clinic;
    private final Clock clock;
    private final long patientId;
    private final boolean physioActions;
    private final boolean askLinks;
    private final boolean patientChanges;
    private Consumer<AppointmentSummary> onMove;
    private Runnable onChange = () -> { };
    private Long confirmingCancel;

    public PatientAppointments(BookingService booking, Clinic clinic, Clock clock, long patientId,
            boolean physioActions) {
        this(booking, clinic, clock, patientId, physioActions, !physioActions, true);
    }

    /**
     * @param askLinks       "Ask my physio about this appointment" (the patient themself, not a helper)
     * @param patientChanges the patient's side may move and cancel (not a helper who may only view)
     */
    public PatientAppointments(BookingService booking, Clinic clinic, Clock clock, long patientId,
            boolean physioActions, boolean askLinks, boolean patientChanges) {
        this.askLinks = askLinks;
        this.patientChanges = patientChanges;
        this.clinic = clinic;
        this.booking = booking;
        this.clock = clock;
        this.patientId = patientId;
        this.physioActions = physioActions;
        addClassName("patient-appointments");
        refresh();
    }

    /** Shows a "Move" button on changeable appointments (the patient's page picks the new time). */
    public void setOnMove(Consumer<AppointmentSummary> onMove) {
        this.onMove = onMove;
        refresh();
    }

    /** Called after this component changed an appointment, so the page can refresh what depends on it. */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    public void refresh() {
        removeAll();
        Instant now = clock.instant();
        List<AppointmentSummary> all = booking.appointments(patientId);
        List<AppointmentSummary> upcoming = all.stream().filter(a -> a.upcoming(now)).toList();
        List<AppointmentSummary> past = all.stream().filter(a -> !a.upcoming(now)).toList().reversed();

        add(new H3("Upcoming"));
        Div upcomingList = new Div();
        upcomingList.setId("upcoming-appointments");
        upcomingList.addClassName("card-list");
        if (upcoming.isEmpty()) {
            upcomingList.add(new Paragraph("No upcoming appointments."));
        }
        upcoming.forEach(a -> upcomingList.add(upcomingCard(a)));
        add(upcomingList);

        add(new H3("Past and cancelled"));
        Div pastList = new Div();
        pastList.setId("past-appointments");
        pastList.addClassName("card-list");
        if (past.isEmpty()) {
            pastList.add(new Paragraph("Nothing yet."));
        }
        past.forEach(a -> pastList.add(pastCard(a)));
        add(pastList);
    }

    private Div upcomingCard(AppointmentSummary a) {
        Div card = baseCard(a);
        card.addClassName("appointment-upcoming");
        Div actions = new Div();
        actions.addClassName("appointment-actions");
        if (physioActions || patientChanges && a.patientMayChange()) {
            if (confirmingCancel != null && confirmingCancel == a.id()) {
                Span ask = new Span("Cancel this appointment?");
                Button yes = new Button("Yes, cancel it", e -> cancel(a));
                yes.setId("confirm-cancel-" + a.id());
                yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
                Button no = new Button("Keep it", e -> {
                    confirmingCancel = null;
                    refresh();
                });
                no.setId("keep-" + a.id());
                actions.add(ask, yes, no);
            } else {
                if (onMove != null && !physioActions) {
                    Button move = new Button("Move", e -> onMove.accept(a));
                    move.setId("move-" + a.id());
                    actions.add(move);
                }
                Button cancel = new Button("Cancel", e -> {
                    confirmingCancel = a.id();
                    refresh();
                });
                cancel.setId("cancel-" + a.id());
                cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
                actions.add(cancel);
            }
        } else {
            Span call = new Span("Less than " + booking.noticePeriod().toHours()
                    + " hours to go: to change or cancel, please call the clinic.");
            call.addClassName("appointment-call-clinic");
            actions.add(call);
        }
        card.add(actions);
        return card;
    }

    private Div pastCard(AppointmentSummary a) {
        Div card = baseCard(a);
        card.addClassName("appointment-past");
        if (physioActions && a.outcomeDue()) {
            Div actions = new Div();
            actions.addClassName("appointment-actions");
            Button attended = new Button("Attended", e -> mark(a, AppointmentStatus.ATTENDED));
            attended.setId("attended-" + a.id());
            Button noShow = new Button("Did not attend", e -> mark(a, AppointmentStatus.NO_SHOW));
            noShow.setId("no-show-" + a.id());
            actions.add(attended, noShow);
            card.add(actions);
        }
        return card;
    }

    private Div baseCard(AppointmentSummary a) {
        Span when = new Span(BookingFormats.when(a, clinic));
        when.addClassName("card-title");
        Span status = new Span(a.status().label());
        status.addClassNames("appointment-status", "status-" + a.status().name().toLowerCase());
        Span detail = new Span(a.type().label() + " with " + (physioActions ? a.patientName() : a.physioName())
                + (a.status() == AppointmentStatus.CANCELLED && a.cancelledBy() != null
                        ? " · cancelled by " + a.cancelledBy() : ""));
        detail.addClassName("card-detail");
        Div card = new Div(new Div(when, status), detail);
        if (a.note() != null) {
            Span note = new Span(a.note());
            note.addClassName("card-detail");
            card.add(note);
        }
        if (askLinks && a.status() != AppointmentStatus.CANCELLED) {
            // By route name: booking knows nothing of the messages module.
            Anchor ask = new Anchor("messages?about=appointment:" + a.id(), "Ask my physio about this appointment");
            ask.addClassNames("card-link", "ask-physio");
            ask.setId("ask-about-appointment-" + a.id());
            card.add(ask);
        }
        card.addClassNames("card", "appointment-card");
        card.setId("appointment-" + a.id());
        return card;
    }

    private void cancel(AppointmentSummary a) {
        confirmingCancel = null;
        try {
            booking.cancel(patientId, a.id());
            Notification.show("Appointment cancelled. A confirmation email is on its way.", 5000,
                    Notification.Position.BOTTOM_STRETCH).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (BookingException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.BOTTOM_STRETCH)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        refresh();
        onChange.run();
    }

    private void mark(AppointmentSummary a, AppointmentStatus outcome) {
        try {
            booking.markOutcome(patientId, a.id(), outcome);
        } catch (BookingException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.BOTTOM_STRETCH)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        refresh();
        onChange.run();
    }
}
