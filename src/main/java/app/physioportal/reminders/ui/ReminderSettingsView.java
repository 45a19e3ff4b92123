package app.physioportal.reminders.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.ReminderSettingsService;
import app.physioportal.reminders.StretchCalendarFile;
import app.physioportal.reminders.push.PushSubscriptions;
import app.physioportal.reminders.push.VapidKeys;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reminders, from My account. A patient sets bedtime, the stretch reminder before it, the morning check-in email,
 * appointment reminders, the quiet-nights email, and a pause while away; and can add a nightly event with an alarm
 * to their phone's calendar. A physio has one switch: the Monday digest.
 */
@Route("account/reminders")
@PageTitle("Reminders · Physio Portal")
@RolesAllowed({"PATIENT", "PHYSIO"})
public class ReminderSettingsView extends Main {

    private final ReminderSettingsService service;
    private final Clinic clinic;
    private final TimePicker bedtime = new TimePicker("Bedtime");
    private final Checkbox bedtimeReminder = new Checkbox("Email me a reminder to stretch before bed");
    private final IntegerField minutesBefore = new IntegerField("Minutes before bedtime");
    private final Checkbox morningReminder = new Checkbox("Morning email: \"Any cramps last night?\"");
    private final TimePicker morningTime = new TimePicker("Morning email at");
    private final Checkbox appointmentReminders = new Checkbox("Remind me of appointments the day before");
    private final Checkbox nudges = new Checkbox("A gentle email if my diary has been quiet for 3 nights");
    private final Checkbox weeklyDigest = new Checkbox("Monday email: how many of my patients need attention");
    private final Checkbox messageEmails = new Checkbox("Email me when I have a new message (never its text)");
    private final DatePicker awayUntil = new DatePicker("Pause bedtime and morning emails until");
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final boolean patient;

    public ReminderSettingsView(ReminderSettingsService service, CurrentUser currentUser, Clinic clinic,
            StretchCalendarFile calendar, PushSubscriptions pushes, VapidKeys vapidKeys) {
        this.service = service;
        this.clinic = clinic;
        PortalUser user = currentUser.require();
        this.patient = user.role() == Role.PATIENT;
        addClassName("page");
        setId("reminder-settings-view");
        add(new ViewHeader("Reminders", "By email to " + user.email() + ". Times are the clinic's ("
                + clinic.zone().getId().replace('_', ' ') + ")."));
        ReminderSettings current = service.mine();
        fill(current);
        ids();
        if (patient) {
            bedtime.setStep(Duration.ofMinutes(15));
            bedtime.setHelperText("Between 19:00 and 02:00");
            minutesBefore.setMin(0);
            minutesBefore.setMax(ReminderSettings.MAX_MINUTES_BEFORE);
            minutesBefore.setStepButtonsVisible(true);
            minutesBefore.setStep(5);
            minutesBefore.setHelperText("0 to " + ReminderSettings.MAX_MINUTES_BEFORE);
            morningTime.setStep(Duration.ofMinutes(15));
            morningTime.setHelperText("Between 05:00 and 11:00");
            awayUntil.setMin(clinic.today());
            awayUntil.setClearButtonVisible(true);
            awayUntil.setHelperText("Up to and including this day. Appointment reminders still come.");
            bedtimeReminder.addValueChangeListener(e -> minutesBefore.setEnabled(e.getValue()));
            morningReminder.addValueChangeListener(e -> morningTime.setEnabled(e.getValue()));
            minutesBefore.setEnabled(current.bedtimeReminder());
            morningTime.setEnabled(current.morningReminder());
            fields.put("bedtime", bedtime);
            fields.put("minutesBefore", minutesBefore);
            fields.put("morningTime", morningTime);
            fields.put("awayUntil", awayUntil);
            section("Tonight", new Paragraph("The reminder comes only if tonight's stretches are not ticked yet."),
                    bedtime, bedtimeReminder, minutesBefore);
            section("Mornings", new Paragraph("One tap on \"No cramps\" records the night without signing in."),
                    morningReminder, morningTime);
            section("Other emails", appointmentReminders, nudges, messageEmails);
            section("Away", awayUntil);
            section("Notifications on this device", new Paragraph("The bedtime and morning reminders can also "
                    + "appear on this phone or computer, like a message. The emails still come."),
                    new PushSwitch(pushes, vapidKeys));
        } else {
            section("Emails", weeklyDigest, messageEmails);
        }
        Button save = new Button("Save reminders", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("reminders-save");
        add(save);
        if (patient) {
            Anchor file = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] ics = calendar.forMe().getBytes(StandardCharsets.UTF_8);
                return new DownloadResponse(new ByteArrayInputStream(ics), "bedtime-stretches.ics",
                        "text/calendar; charset=UTF-8", ics.length);
            }), "Add tonight's stretches to my calendar (.ics)");
            file.setTarget(AnchorTarget.DEFAULT);
            file.setId("reminders-calendar");
            file.addClassName("button-link");
            section("In your phone's calendar", new Paragraph("A nightly event at bedtime, with an alarm at your "
                    + "reminder time, that your phone's calendar keeps even when you are offline. Open the file on "
                    + "your phone to add it; delete the event to stop it. Changed your bedtime? Add it again."), file);
        }
        Anchor back = new Anchor("account", "Back to My account");
        back.setId("reminders-back");
        back.addClassName("back-link");
        add(back);
    }

    private void section(String title, com.vaadin.flow.component.Component... content) {
        Div section = new Div(new H3(title));
        section.add(content);
        section.addClassName("section");
        add(section);
    }

    private void ids() {
        bedtime.setId("reminders-bedtime");
        bedtimeReminder.setId("reminders-bedtime-on");
        minutesBefore.setId("reminders-minutes-before");
        morningReminder.setId("reminders-morning-on");
        morningTime.setId("reminders-morning-time");
        appointmentReminders.setId("reminders-appointments-on");
        nudges.setId("reminders-nudges-on");
        weeklyDigest.setId("reminders-digest-on");
        messageEmails.setId("reminders-messages-on");
        awayUntil.setId("reminders-away-until");
    }

    private void fill(ReminderSettings s) {
        bedtime.setValue(s.bedtime());
        bedtimeReminder.setValue(s.bedtimeReminder());
        minutesBefore.setValue(s.minutesBefore());
        morningReminder.setValue(s.morningReminder());
        morningTime.setValue(s.morningTime());
        appointmentReminders.setValue(s.appointmentReminders());
        nudges.setValue(s.nudges());
        weeklyDigest.setValue(s.weeklyDigest());
        messageEmails.setValue(s.messageEmails());
        awayUntil.setValue(s.awayUntil());
    }

    private void save() {
        FormErrors.clear(fields);
        ReminderSettings before = service.mine();
        ReminderSettings settings;
        if (patient) {
            if (bedtime.isInvalid() || bedtime.getValue() == null) {
                FormErrors.show("bedtime", "Choose your bedtime, for example 22:00.", fields);
                return;
            }
            if (minutesBefore.getValue() == null) {
                FormErrors.show("minutesBefore", "Enter a number of minutes from 0 to "
                        + ReminderSettings.MAX_MINUTES_BEFORE + ".", fields);
                return;
            }
            if (morningTime.isInvalid() || morningTime.getValue() == null) {
                FormErrors.show("morningTime", "Choose a morning time, for example 08:00.", fields);
                return;
            }
            if (awayUntil.isInvalid()) {
                FormErrors.show("awayUntil", "Enter a date such as 24/12/2026, or clear it.", fields);
                return;
            }
            settings = new ReminderSettings(bedtime.getValue(), bedtimeReminder.getValue(), minutesBefore.getValue(),
                    morningReminder.getValue(), morningTime.getValue(), appointmentReminders.getValue(),
                    nudges.getValue(), before.weeklyDigest(), awayUntil.getValue(), messageEmails.getValue());
        } else {
            settings = new ReminderSettings(before.bedtime(), before.bedtimeReminder(), before.minutesBefore(),
                    before.morningReminder(), before.morningTime(), before.appointmentReminders(), before.nudges(),
                    weeklyDigest.getValue(), before.awayUntil(), messageEmails.getValue());
        }
        try {
            service.saveMine(settings);
        } catch (InvalidInput refused) {
            if (!FormErrors.show(refused, fields)) {
                Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            return;
        }
        Notification.show(confirmation(settings), 4000, Notification.Position.BOTTOM_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private String confirmation(ReminderSettings s) {
        if (!patient) {
            return s.weeklyDigest() ? "Saved. The digest comes on Monday mornings." : "Saved. No Monday digest.";
        }
        if (s.awayUntil() != null) {
            return "Saved. Bedtime and morning emails pause until " + clinic.longDay(s.awayUntil()) + ".";
        }
        if (s.bedtimeReminder()) {
            LocalTime at = s.bedtime().minusMinutes(s.minutesBefore());
            return "Saved. Bedtime reminders at " + at + " when tonight's stretches are not ticked.";
        }
        return "Saved.";
    }
}
