package app.physioportal.booking.ui;

import app.physioportal.base.ui.TextLimit;
import app.physioportal.booking.BookingException;
import app.physioportal.booking.ScheduleService;
import app.physioportal.booking.ScheduleService.ClosureDays;
import app.physioportal.booking.ScheduleService.WorkingHours;
import app.physioportal.clinic.Clinic;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The physio's own regular week and days off: shown as text, edited in place. */
class WorkingHoursEditor extends Div {

    private record DayRow(Checkbox works, TimePicker start, TimePicker end, TimePicker breakStart,
            TimePicker breakEnd, Span error) {
    }

    private final ScheduleService schedule;
    private final Clinic clinic;
    private final Runnable onSaved;
    private final Div summary = new Div();
    private final Div editor = new Div();
    private final Map<DayOfWeek, DayRow> rows = new EnumMap<>(DayOfWeek.class);
    private final IntegerField slotMinutes = new IntegerField("Slot length (minutes)");

    WorkingHoursEditor(ScheduleService schedule, Clinic clinic, Runnable onSaved) {
        this.clinic = clinic;
        this.schedule = schedule;
        this.onSaved = onSaved;
        setId("working-hours");
        addClassNames("card", "working-hours");
        Button edit = new Button("Change hours or add days off", e -> openEditor());
        edit.setId("edit-working-hours");
        editor.setId("working-hours-editor");
        editor.setVisible(false);
        add(new H3("Your working hours"), summary, edit, editor);
        showSummary();
    }

    private void showSummary() {
        summary.removeAll();
        List<WorkingHours> hours = schedule.myWorkingHours();
        if (hours.isEmpty()) {
            summary.add(new Paragraph("No working hours set yet: patients cannot book you."));
        }
        for (WorkingHours h : hours) {
            Span line = new Span(dayName(h.day()) + ": " + h.start() + "–" + h.end()
                    + (h.hasBreak() ? ", break " + h.breakStart() + "–" + h.breakEnd() : "") + " · " + h.slotMinutes()
                    + "-minute slots");
            line.addClassName("working-hours-line");
            summary.add(new Div(line));
        }
        for (ClosureDays c : schedule.myClosures()) {
            Span line = new Span("Closed " + clinic.weekday(c.firstDay()) + " to "
                    + clinic.weekday(c.lastDay()) + ": " + c.reason());
            line.addClassName("closure-line");
            summary.add(new Div(line));
        }
    }

    private void openEditor() {
        editor.removeAll();
        rows.clear();
        editor.setVisible(true);
        Map<DayOfWeek, WorkingHours> current = schedule.myWorkingHours().stream()
                .collect(Collectors.toMap(WorkingHours::day, h -> h));
        slotMinutes.setId("slot-minutes");
        slotMinutes.setMin(10);
        slotMinutes.setMax(240);
        slotMinutes.setValue(current.values().stream().findFirst().map(WorkingHours::slotMinutes)
                .orElse(ScheduleService.DEFAULT_SLOT_MINUTES));
        editor.add(slotMinutes);
        for (DayOfWeek day : DayOfWeek.values()) {
            WorkingHours h = current.get(day);
            Checkbox works = new Checkbox(dayName(day), h != null);
            works.setId("works-" + day.name().toLowerCase());
            DayRow row = new DayRow(works,
                    time("From", h == null ? LocalTime.of(9, 0) : h.start(), day, "start"),
                    time("To", h == null ? LocalTime.of(17, 0) : h.end(), day, "end"),
                    time("Break from", h == null ? null : h.breakStart(), day, "break-start"),
                    time("Break to", h == null ? null : h.breakEnd(), day, "break-end"), new Span());
            row.error().addClassName("field-error");
            rows.put(day, row);
            Div times = new Div(row.start(), row.end(), row.breakStart(), row.breakEnd());
            times.addClassName("working-day-times");
            Div line = new Div(works, times, row.error());
            line.addClassName("working-day-row");
            editor.add(line);
        }
        Button save = new Button("Save working hours", e -> save());
        save.setId("save-working-hours");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Close", e -> editor.setVisible(false));
        Div buttons = new Div(save, close);
        buttons.addClassName("appointment-actions");
        editor.add(buttons, closureForm());
    }

    private static TimePicker time(String label, LocalTime value, DayOfWeek day, String which) {
        TimePicker picker = new TimePicker(label, value);
        picker.setStep(Duration.ofMinutes(15));
        picker.setId(which + "-" + day.name().toLowerCase());
        picker.setClearButtonVisible(true);
        return picker;
    }

    private void save() {
        List<WorkingHours> week = new ArrayList<>();
        boolean valid = true;
        for (Map.Entry<DayOfWeek, DayRow> entry : rows.entrySet()) {
            DayRow row = entry.getValue();
            row.error().setText("");
            if (!row.works().getValue()) {
                continue;
            }
            WorkingHours hours = new WorkingHours(entry.getKey(), row.start().getValue(), row.end().getValue(),
                    row.breakStart().getValue(), row.breakEnd().getValue(),
                    slotMinutes.getValue() == null ? 0 : slotMinutes.getValue());
            String problem = problemWith(hours);
            if (problem != null) {
                row.error().setText(problem);
                valid = false;
            }
            week.add(hours);
        }
        if (!valid) {
            return;
        }
        try {
            schedule.setMyWorkingHours(week);
            Notification.show("Working hours saved.", 4000, Notification.Position.BOTTOM_STRETCH)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            editor.setVisible(false);
            showSummary();
            onSaved.run();
        } catch (ConstraintViolationException invalid) {
            slotMinutes.setInvalid(true);
            slotMinutes.setErrorMessage(invalid.getConstraintViolations().stream()
                    .map(ConstraintViolation::getMessage).collect(Collectors.joining("; ")));
        } catch (BookingException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.BOTTOM_STRETCH)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private static String problemWith(WorkingHours hours) {
        if (hours.start() == null || hours.end() == null) {
            return "Enter a start and an end time";
        }
        if (!hours.isEndAfterStart()) {
            return "The day must end after it starts";
        }
        if (!hours.isBreakInside()) {
            return "A break needs a start and an end inside the working hours";
        }
        return null;
    }

    private Div closureForm() {
        DatePicker first = new DatePicker("First day off");
        first.setId("closure-first");
        DatePicker last = new DatePicker("Last day off");
        last.setId("closure-last");
        TextField reason = new TextField("Reason");
        reason.setId("closure-reason");
        reason.setPlaceholder("Holiday, sick day, training...");
        TextLimit.apply(reason, 200);
        Button add = new Button("Add days off", e -> {
            try {
                schedule.addMyClosure(new ClosureDays(null, first.getValue(),
                        last.getValue() == null ? first.getValue() : last.getValue(), reason.getValue()));
                Notification.show("Days off added. Appointments already booked on them stay booked.", 5000,
                        Notification.Position.BOTTOM_STRETCH).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                first.clear();
                last.clear();
                reason.clear();
                showSummary();
                onSaved.run();
            } catch (ConstraintViolationException invalid) {
                reason.setInvalid(true);
                reason.setErrorMessage(invalid.getConstraintViolations().stream()
                        .map(ConstraintViolation::getMessage).collect(Collectors.joining("; ")));
            } catch (BookingException refused) {
                last.setInvalid(true);
                last.setErrorMessage(refused.getMessage());
            }
        });
        add.setId("add-closure");
        Div form = new Div(new H3("Days off"), first, last, reason, add);
        form.addClassName("closure-form");
        return form;
    }

    private static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
