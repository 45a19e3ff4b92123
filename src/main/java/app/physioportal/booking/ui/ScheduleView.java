package app.physioportal.booking.ui;

import app.physioportal.base.ui.TextLimit;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.booking.AppointmentStatus;
import app.physioportal.booking.AppointmentType;
import app.physioportal.booking.BookingException;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.booking.BookingService.ScheduleDay;
import app.physioportal.booking.BookingService.WeekSchedule;
import app.physioportal.booking.ScheduleService;
import app.physioportal.booking.Slot;
import app.physioportal.booking.SlotTakenException;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.AssignedPatient;
import app.physioportal.patient.PatientService;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;

/** The physio's week: appointments and free slots day by day, booking follow-ups, recording who came. */
@Route("schedule")
@PageTitle("Schedule · Physio Portal")
@Menu(title = "Schedule", order = 1, icon = "vaadin:calendar")
@RolesAllowed(Role.PHYSIO_ROLE)
public class ScheduleView extends Main {


    private final BookingService booking;
    private final List<AssignedPatient> patients;
    private final Clinic clinic;
    private final Span weekLabel = new Span();
    private final Div days = new Div();
    private final Div bookPanel = new Div();
    private LocalDate weekDay;

    public ScheduleView(BookingService booking, ScheduleService schedule, PatientService patientService, Clinic clinic) {
        this.booking = booking;
        this.patients = patientService.myPatients();
        this.clinic = clinic;
        this.weekDay = clinic.today();
        addClassName("page");
        setId("schedule-view");
        add(new ViewHeader("Schedule",
                "Your week: appointments and free times. Open a day's free times to book a follow-up."));

        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> show(weekDay.minusWeeks(1)));
        previous.setId("previous-week");
        previous.setAriaLabel("Previous week");
        Button today = new Button("This week", e -> show(clinic.today()));
        today.setId("this-week");
        Button nextWeek = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> show(weekDay.plusWeeks(1)));
        nextWeek.setId("next-week");
        nextWeek.setAriaLabel("Next week");
        weekLabel.setId("week-label");
        weekLabel.addClassName("week-label");
        Div nav = new Div(previous, weekLabel, nextWeek, today);
        nav.addClassName("week-nav");

        bookPanel.setId("follow-up-panel");
        bookPanel.addClassNames("card", "booking-confirm");
        bookPanel.setVisible(false);
        days.setId("week-days");
        days.addClassName("week-days");
        add(nav, bookPanel, days, new WorkingHoursEditor(schedule, clinic, () -> show(weekDay)));
        show(weekDay);
    }

    private void show(LocalDate day) {
        weekDay = day;
        bookPanel.setVisible(false);
        WeekSchedule week = booking.myWeek(day);
        weekLabel.setText("Week of " + clinic.date(week.monday()));
        days.removeAll();
        for (ScheduleDay scheduleDay : week.days()) {
            days.add(dayCard(scheduleDay));
        }
    }

    private Div dayCard(ScheduleDay day) {
        Div card = new Div(new H4(clinic.longDay(day.date())));
        card.addClassNames("card", "schedule-day");
        card.setId("day-" + day.date());
        if (day.closedBecause() != null) {
            card.add(new Paragraph("Closed: " + day.closedBecause()));
        } else if (!day.working()) {
            card.add(new Paragraph("Not working"));
        }
        for (AppointmentSummary a : day.appointments()) {
            card.add(appointmentRow(a));
        }
        if (!day.free().isEmpty()) {
            // The free times as buttons only once the physio asks for that day's: a week of them was some 160 state
            // nodes in every schedule session (issue 18). The times are read afresh then.
            int count = day.free().size();
            Button showFree = new Button(count + (count == 1 ? " free time" : " free times") + ": book a follow-up");
            showFree.setId("free-times-" + day.date());
            showFree.addClassName("free-times-toggle");
            showFree.addThemeVariants(ButtonVariant.TERTIARY);
            LocalDate date = day.date();
            showFree.addClickListener(e -> showFree.getParent().ifPresent(parent -> {
                Div free = freeTimes(date);
                ((Div) parent).replace(showFree, free);
            }));
            card.add(showFree);
        } else if (day.working() && day.appointments().isEmpty()) {
            card.add(new Paragraph(day.date().isBefore(clinic.today()) ? "No appointments"
                    : "No free times left"));
        }
        return card;
    }

    /** One day's free times as they are now, each a button that opens the booking panel. */
    private Div freeTimes(LocalDate date) {
        Div free = new Div();
        free.addClassName("slot-times");
        free.setId("free-times-of-" + date);
        List<Slot> slots = booking.myWeek(date).days().stream().filter(d -> d.date().equals(date)).findFirst()
                .map(ScheduleDay::free).orElse(List.of());
        if (slots.isEmpty()) {
            free.add(new Paragraph("No free times left on this day."));
        }
        for (Slot slot : slots) {
            Button time = new Button(clinic.time(slot.start()), e -> openBooking(slot));
            time.setId("free-" + slot.start().getEpochSecond());
            time.addClassName("slot-button");
            free.add(time);
        }
        return free;
    }

    private Div appointmentRow(AppointmentSummary a) {
        Span time = new Span(clinic.time(a.start()) + "–" + clinic.time(a.end()));
        time.addClassName("card-title");
        Span who = new Span(a.patientName() + " · " + a.type().label());
        Span status = new Span(a.status().label());
        status.addClassNames("appointment-status", "status-" + a.status().name().toLowerCase());
        Div row = new Div(time, who, status);
        row.addClassName("schedule-appointment");
        row.setId("visit-" + a.id());
        if (a.outcomeDue()) {
            Button attended = new Button("Attended", e -> mark(a, AppointmentStatus.ATTENDED));
            attended.setId("attended-" + a.id());
            Button noShow = new Button("Did not attend", e -> mark(a, AppointmentStatus.NO_SHOW));
            noShow.setId("no-show-" + a.id());
            row.add(new Div(attended, noShow));
        }
        return row;
    }

    private void openBooking(Slot slot) {
        bookPanel.removeAll();
        bookPanel.setVisible(true);
        Span what = new Span("Follow-up on " + clinic.longDay(clinic.at(slot.start())) + " at "
                + clinic.time(slot.start()));
        what.addClassName("card-title");
        Select<AssignedPatient> patient = new Select<>();
        patient.setLabel("Patient");
        patient.setId("follow-up-patient");
        patient.setItems(patients);
        patient.setItemLabelGenerator(AssignedPatient::displayName);
        patient.setPlaceholder("Choose a patient");
        RadioButtonGroup<AppointmentType> type = new RadioButtonGroup<>("Type");
        type.setId("follow-up-type");
        type.setItems(AppointmentType.values());
        type.setItemLabelGenerator(AppointmentType::label);
        type.setValue(AppointmentType.IN_CLINIC);
        TextArea note = new TextArea("Note (optional)");
        note.setId("follow-up-note");
        TextLimit.apply(note, 500);
        note.setWidthFull();
        Button book = new Button("Book follow-up", e -> {
            if (patient.getValue() == null) {
                patient.setInvalid(true);
                patient.setErrorMessage("Choose a patient");
                return;
            }
            try {
                booking.book(patient.getValue().id(), slot.start(), type.getValue(), note.getValue());
                notify("Booked for " + patient.getValue().displayName() + ". A confirmation email is on its way to them.",
                        NotificationVariant.LUMO_SUCCESS);
            } catch (SlotTakenException taken) {
                notify("That time was just taken. Please pick another.", NotificationVariant.LUMO_WARNING);
            } catch (BookingException refused) {
                notify(refused.getMessage(), NotificationVariant.LUMO_WARNING);
            }
            show(weekDay);
        });
        book.setId("book-follow-up");
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Close", e -> bookPanel.setVisible(false));
        Div buttons = new Div(book, close);
        buttons.addClassName("appointment-actions");
        bookPanel.add(what, patient, type, note, buttons);
        bookPanel.scrollIntoView();
    }

    private void mark(AppointmentSummary a, AppointmentStatus outcome) {
        try {
            booking.markOutcome(a.patientId(), a.id(), outcome);
        } catch (BookingException refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_WARNING);
        }
        show(weekDay);
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_STRETCH).addThemeVariants(variant);
    }
}
