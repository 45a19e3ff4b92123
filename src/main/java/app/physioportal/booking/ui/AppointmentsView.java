package app.physioportal.booking.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.booking.AppointmentType;
import app.physioportal.booking.BookingException;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.booking.BookingService.DaySlots;
import app.physioportal.booking.Slot;
import app.physioportal.booking.SlotTakenException;
import app.physioportal.clinic.Clinic;
import app.physioportal.security.ActingFor;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The patient's appointments: the next one, upcoming and past, and their physio's open times to book. */
@Route("appointments")
@PageTitle("Appointments · Physio Portal")
@Menu(title = "Appointments", order = 4, icon = "vaadin:calendar-user")
@RolesAllowed({Role.PATIENT_ROLE, Role.HELPER_ROLE})
public class AppointmentsView extends Main {

    private final BookingService booking;
    private final Clock clock;
    private final long patientId;
    private final Clinic clinic;
    private final NextAppointmentCard next;
    private final PatientAppointments list;
    private final H3 slotsTitle = new H3();
    private final Paragraph slotsHint = new Paragraph();
    private final Div slots = new Div();
    private final Div confirm = new Div();
    private AppointmentSummary moving;

    public AppointmentsView(BookingService booking, ActingFor actingFor, Clock clock, Clinic clinic) {
        this.booking = booking;
        this.clock = clock;
        ActingFor.Subject subject = actingFor.requireSubject();
        this.patientId = subject.patientId();
        this.clinic = clinic;
        addClassName("page");
        setId("appointments-view");
        String first = app.physioportal.clinic.Clinic.firstName(subject.name());
        add(new ViewHeader("Appointments", subject.isSelf() ? "Book, move or cancel your follow-ups with your physio."
                : subject.mayRecord() ? first + "'s follow-ups with their physio: book, move or cancel for " + first + "."
                : first + "'s follow-ups with their physio."));

        next = new NextAppointmentCard(booking, clinic, patientId).withoutLink();
        list = new PatientAppointments(booking, clinic, clock, patientId, false, subject.isSelf(), subject.mayRecord());
        list.setOnMove(this::startMove);
        list.setOnChange(this::refresh);

        slots.setId("open-slots");
        slots.addClassName("slot-days");
        confirm.setId("booking-confirm");
        confirm.addClassNames("card", "booking-confirm");
        confirm.setVisible(false);
        slotsHint.addClassName("view-subtitle");
        Div booker = new Div(slotsTitle, slotsHint, confirm, slots);
        booker.setId("booking-section");
        if (!subject.mayRecord()) {
            add(next, list);
            return;
        }
        add(next, list, booker);
        refreshSlots();
    }

    private void refresh() {
        next.refresh();
        list.refresh();
        refreshSlots();
    }

    private void startMove(AppointmentSummary appointment) {
        moving = appointment;
        refreshSlots();
        slotsTitle.scrollIntoView();
    }

    private void refreshSlots() {
        slots.removeAll();
        confirm.setVisible(false);
        long upcoming = booking.appointments(patientId).stream().filter(a -> a.upcoming(clock.instant())).count();
        if (moving != null) {
            slotsTitle.setText("Pick a new time");
            slotsHint.setText("Moving your appointment on " + BookingFormats.when(moving, clinic) + ".");
            Button stop = new Button("Keep the current time", e -> {
                moving = null;
                refreshSlots();
            });
            stop.setId("stop-moving");
            slots.add(stop);
        } else {
            slotsTitle.setText("Book a follow-up");
            slotsHint.setText("Open times with your physio over the next 4 weeks: pick a day, then tap a time to book "
                    + "it. "
                    + "For a time in the next " + booking.noticePeriod().toHours() + " hours, please call the clinic.");
            if (upcoming >= booking.maxFutureAppointments()) {
                slotsHint.setText("You have " + upcoming + " upcoming appointments, the most you can book yourself. "
                        + "Cancel one to book another, or call the clinic.");
                return;
            }
        }
        List<DaySlots> days = booking.selfBookingSlots(patientId);
        if (days.isEmpty()) {
            slots.add(new Paragraph("No open times in the next 4 weeks. Please call the clinic."));
            return;
        }
        // First the day, then its times: four weeks of times as buttons were some 750 state nodes and 1.3 MB per
        // session (issue 18); one day's times are a dozen or so, the days a row of chips to scroll through.
        Div chooser = new Div();
        chooser.addClassName("slot-day-chips");
        chooser.setId("slot-day-chips");
        chooser.getElement().setAttribute("role", "group");
        chooser.getElement().setAttribute("aria-label", "Days with open times");
        H4 dayTitle = new H4();
        dayTitle.setId("slot-day-title");
        Div times = new Div();
        times.addClassName("slot-times");
        times.setId("slot-times");
        Map<LocalDate, Button> chips = new LinkedHashMap<>();
        for (DaySlots day : days) {
            // The chip keeps its date only, and the day's times are read afresh when it is tapped: four weeks of
            // slots are not held in the session, and a time someone else took meanwhile is not offered.
            LocalDate date = day.date();
            Button chip = new Button(clinic.weekday(date), e -> showDay(freshDay(date), chips, dayTitle, times));
            chip.setId("slot-day-" + day.date());
            chip.addClassName("slot-day-chip");
            chip.getElement().setAttribute("aria-label", clinic.longDay(day.date()) + ", " + day.slots().size()
                    + (day.slots().size() == 1 ? " open time" : " open times"));
            chips.put(day.date(), chip);
            chooser.add(chip);
        }
        Div dayBox = new Div(dayTitle, times);
        dayBox.addClassName("slot-day");
        slots.add(chooser, dayBox);
        showDay(days.getFirst(), chips, dayTitle, times);
    }

    /** The day's open times as they are now (none if they have all gone meanwhile). */
    private DaySlots freshDay(LocalDate date) {
        return booking.selfBookingSlots(patientId).stream().filter(d -> d.date().equals(date)).findFirst()
                .orElse(new DaySlots(date, List.of()));
    }

    private void showDay(DaySlots day, Map<LocalDate, Button> chips, H4 title, Div times) {
        chips.forEach((date, chip) -> {
            boolean chosen = date.equals(day.date());
            chip.removeThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.TERTIARY);
            chip.addThemeVariants(chosen ? ButtonVariant.PRIMARY : ButtonVariant.TERTIARY);
            chip.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
        });
        title.setText(clinic.longDay(day.date()));
        times.removeAll();
        if (day.slots().isEmpty()) {
            Paragraph none = new Paragraph("No open times left on this day: please pick another.");
            none.setId("slot-day-none");
            times.add(none);
        }
        for (Slot slot : day.slots()) {
            Button time = new Button(clinic.time(slot.start()), e -> choose(slot));
            time.setId("slot-" + slot.start().getEpochSecond());
            time.addClassName("slot-button");
            times.add(time);
        }
    }

    private void choose(Slot slot) {
        confirm.removeAll();
        confirm.setVisible(true);
        Span what = new Span((moving == null ? "Book " : "Move to ")
                + clinic.longDay(clinic.at(slot.start())) + " at " + clinic.time(slot.start())
                + "?");
        what.setId("booking-confirm-text");
        what.addClassName("card-title");
        confirm.add(what);
        RadioButtonGroup<AppointmentType> type = new RadioButtonGroup<>("How would you like to meet?");
        type.setId("booking-type");
        type.setItems(AppointmentType.values());
        type.setItemLabelGenerator(AppointmentType::label);
        type.setValue(moving == null ? AppointmentType.IN_CLINIC : moving.type());
        if (moving == null) {
            confirm.add(type);
        }
        Button yes = new Button(moving == null ? "Book this time" : "Move here", e -> submit(slot, type.getValue()));
        yes.setId("confirm-booking");
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button("Not this one", e -> confirm.setVisible(false));
        back.setId("cancel-choice");
        Div buttons = new Div(yes, back);
        buttons.addClassName("appointment-actions");
        confirm.add(buttons);
        confirm.scrollIntoView();
    }

    private void submit(Slot slot, AppointmentType type) {
        try {
            if (moving == null) {
                booking.book(patientId, slot.start(), type, null);
                notify("Booked. A confirmation email with a calendar file is on its way.", NotificationVariant.LUMO_SUCCESS);
            } else {
                booking.reschedule(patientId, moving.id(), slot.start());
                notify("Moved. An email with the new time is on its way.", NotificationVariant.LUMO_SUCCESS);
            }
            moving = null;
        } catch (SlotTakenException taken) {
            notify("That time was just taken. Please pick another: the times below are up to date.",
                    NotificationVariant.LUMO_WARNING);
        } catch (BookingException refused) {
            notify(refused.getMessage(), NotificationVariant.LUMO_WARNING);
        }
        refresh();
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 6000, Notification.Position.BOTTOM_STRETCH).addThemeVariants(variant);
    }
}
