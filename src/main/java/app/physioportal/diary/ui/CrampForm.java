package app.physioportal.diary.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.base.ui.TextLimit;
import app.physioportal.diary.CrampDuration;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.CrampRecord;
import app.physioportal.diary.Relief;
import app.physioportal.diary.Side;
import app.physioportal.diary.Trigger;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import jakarta.validation.ConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The cramp form shared by the quick log and the edit page. Only when, how bad and where are needed;
 * everything else is optional, so the common case is: tap the intensity, tap the place, Save.
 */
class CrampForm extends Div {

    /** Mutable holder the Binder writes into; turned into the service's record on save. */
    static final class Draft {
        LocalDateTime when;
        Integer intensity;
        CrampDuration duration;
        Integer minutes;
        CrampLocation location;
        Side side;
        boolean woke;
        Set<Trigger> triggers = Set.of();
        Set<Relief> relief = Set.of();
        String note;
    }

    private static final String BAD_MINUTES = "Enter minutes between 1 and " + CrampInput.MAX_MINUTES;

    private final Clock clock;
    private final ZoneId zone;
    private final Binder<Draft> binder = new Binder<>();
    private final DateTimePicker when = new DateTimePicker("When did it happen?");
    private final ScaleField intensity = new ScaleField("How bad was it at its worst?", "intensity", "no pain",
            "worst imaginable");
    private final ChipGroup<CrampLocation> location = new ChipGroup<>("Where?", "location",
            Arrays.asList(CrampLocation.values()), CrampLocation::label);
    private final ChipGroup<Side> side = new ChipGroup<>("Which leg?", "side", Arrays.asList(Side.values()),
            Side::label);
    private final Checkbox woke = new Checkbox("It woke me up");
    private final ChipGroup<CrampDuration> duration = new ChipGroup<>("How long did it last?", "duration",
            Arrays.asList(CrampDuration.values()), CrampDuration::label);
    private final IntegerField minutes = new IntegerField("Or minutes, if you know");
    private final ChipSet<Trigger> triggers = new ChipSet<>("What might have set it off?", "trigger",
            Arrays.asList(Trigger.values()), Trigger::label);
    private final ChipSet<Relief> relief = new ChipSet<>("What helped?", "relief", Arrays.asList(Relief.values()),
            Relief::label);
    private final TextArea note = new TextArea("Note");
    private final Map<String, HasValidation> fieldsByName;
    private UUID saveKey = UUID.randomUUID();

    CrampForm(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        addClassName("cramp-form");
        when.setId("occurred-at");
        when.setStep(Duration.ofMinutes(1));
        when.setLocale(Locale.UK);
        when.setDatePlaceholder("Date");
        when.setTimePlaceholder("Time");
        woke.setId("woke");
        woke.addClassName("big-checkbox");
        minutes.setId("minutes");
        minutes.setMin(1);
        minutes.setMax(CrampInput.MAX_MINUTES);
        minutes.setStepButtonsVisible(true);
        minutes.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(BAD_MINUTES)
                .setMaxErrorMessage(BAD_MINUTES).setBadInputErrorMessage(BAD_MINUTES));
        note.setId("note");
        TextLimit.apply(note, CrampInput.MAX_NOTE);
        note.setWidthFull();

        binder.forField(when).asRequired("Enter when the cramp happened")
                .withValidator(t -> !t.isAfter(now().plusMinutes(1)),
                        "That time is in the future. Choose when the cramp happened.")
                .bind(d -> d.when, (d, v) -> d.when = v);
        binder.forField(intensity).asRequired("Choose how bad it was, from 0 to 10")
                .bind(d -> d.intensity, (d, v) -> d.intensity = v);
        binder.forField(location).asRequired("Choose where the cramp was")
                .bind(d -> d.location, (d, v) -> d.location = v);
        binder.forField(side).bind(d -> d.side, (d, v) -> d.side = v);
        binder.forField(woke).bind(d -> d.woke, (d, v) -> d.woke = v);
        binder.forField(duration).bind(d -> d.duration, (d, v) -> d.duration = v);
        binder.forField(minutes)
                .withValidator((v, ctx) -> v == null || (v >= 1 && v <= CrampInput.MAX_MINUTES)
                        ? ValidationResult.ok()
                        : ValidationResult.error(BAD_MINUTES))
                .bind(d -> d.minutes, (d, v) -> d.minutes = v);
        binder.forField(triggers).bind(d -> d.triggers, (d, v) -> d.triggers = v);
        binder.forField(relief).bind(d -> d.relief, (d, v) -> d.relief = v);
        binder.forField(note)
                .withValidator((v, ctx) -> v == null || v.length() <= CrampInput.MAX_NOTE ? ValidationResult.ok()
                        : ValidationResult.error(TextLimit.tooLong(v.length(), CrampInput.MAX_NOTE)))
                .bind(d -> d.note, (d, v) -> d.note = v);
        minutes.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() >= 1) {
                duration.setValue(CrampDuration.ofMinutes(e.getValue()));
            }
        });
        fieldsByName = Map.of("occurredAt", when, "intensity", intensity, "location", location, "minutes", minutes,
                "duration", duration, "note", note);

        Div where = new Div(location, side);
        where.addClassName("form-where");
        Div more = new Div(duration, minutes, triggers, relief, note);
        more.addClassName("form-more");
        // Intensity and place first: with Save pinned below them, the common case needs no scrolling.
        add(intensity, where, when, woke, more);
    }

    /**
     * The key this form saves a new cramp under (DiaryService.logCramp): the same until a save is confirmed to the
     * person, so Save pressed again after a timeout cannot log the cramp twice. It is on the element as
     * {@code data-save-key} too, for a client that drives the page and wants to send the same save again later.
     */
    UUID saveKey() {
        return saveKey;
    }

    void useSaveKey(UUID key) {
        saveKey = key;
        getElement().setAttribute("data-save-key", key.toString());
    }

    /**
     * A new cramp, under a new save key: now, and "it woke me" ticked at night, when that is what usually
     * happened.
     */
    void startNew() {
        useSaveKey(UUID.randomUUID());
        Draft draft = new Draft();
        draft.when = now();
        int hour = draft.when.getHour();
        draft.woke = hour >= 22 || hour < 8;
        binder.readBean(draft);
    }

    void edit(CrampRecord cramp) {
        Draft draft = new Draft();
        draft.when = LocalDateTime.ofInstant(cramp.occurredAt(), zone);
        draft.intensity = cramp.intensity();
        draft.duration = cramp.duration();
        draft.minutes = cramp.minutes();
        draft.location = cramp.location();
        draft.side = cramp.side();
        draft.woke = cramp.wokeFromSleep();
        draft.triggers = cramp.triggers();
        draft.relief = cramp.relief();
        draft.note = cramp.note();
        binder.readBean(draft);
    }

    /** The input if every field is valid; otherwise the messages are shown at the fields. */
    Optional<CrampInput> validInput() {
        Draft draft = new Draft();
        if (!binder.writeBeanIfValid(draft)) {
            return Optional.empty();
        }
        return Optional.of(new CrampInput(draft.when.atZone(zone).toInstant(), draft.intensity, draft.duration,
                draft.minutes, draft.location, draft.side, draft.woke, draft.triggers, draft.relief, draft.note));
    }

    /** Shows the service's refusal at the field it concerns; false if it concerns none of them. */
    boolean showRefusal(RuntimeException refusal) {
        if (refusal instanceof InvalidInput input) {
            return FormErrors.show(input, fieldsByName);
        }
        if (refusal instanceof ConstraintViolationException violations) {
            return FormErrors.show(violations, fieldsByName);
        }
        return false;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone)).withSecond(0).withNano(0);
    }
}
