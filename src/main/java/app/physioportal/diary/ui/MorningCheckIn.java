package app.physioportal.diary.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CheckInInput;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightSummary;
import app.physioportal.diary.Nights;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * "How was last night?": one tap records the night as cramp-free, which is what tells a good night from
 * a night nobody wrote down. "I had cramps" leads to the quick log. Sleep disturbance is optional.
 * Hides itself when last night is already recorded, so any patient page can place it at the top.
 */
@NamedInterface("panels")
public class MorningCheckIn extends Div {

    private final DiaryService diary;
    private final Clinic clinic;
    private final long patientId;
    private final LocalDate night;
    private final ScaleField disturbance = new ScaleField("Sleep disturbed? (optional)",
            "disturbance", "not at all", "could not sleep");
    private Runnable onRecorded = () -> { };

    public MorningCheckIn(DiaryService diary, Nights nights, Clinic clinic, Clock clock, long patientId) {
        this.clinic = clinic;
        this.diary = diary;
        this.patientId = patientId;
        this.night = nights.lastNight(clock);
        setId("morning-check-in");
        addClassNames("card", "morning-check-in");
        NightSummary last = diary.listNights(patientId, night, night).getFirst();
        if (last.recorded()) {
            setVisible(false);
            return;
        }
        H3 question = new H3("How was last night?");
        Paragraph which = new Paragraph("The night of " + DiaryText.night(night, clinic));
        which.addClassName("check-in-night");
        Button noCramps = new Button("No cramps", e -> recordCrampFree());
        noCramps.setId("checkin-no-cramps");
        noCramps.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_SUCCESS);
        Button hadCramps = new Button("I had cramps", e -> hadCramps());
        hadCramps.setId("checkin-had-cramps");
        hadCramps.addThemeVariants(ButtonVariant.LUMO_LARGE);
        Div answers = new Div(noCramps, hadCramps);
        answers.addClassName("check-in-answers");
        add(question, which, answers, disturbance);
    }

    /** Called once the night is recorded as cramp-free, so the page can update what it shows. */
    public void setOnRecorded(Runnable onRecorded) {
        this.onRecorded = onRecorded;
    }

    private void recordCrampFree() {
        diary.checkIn(patientId, new CheckInInput(night, true, disturbance.getValue()));
        removeAll();
        Paragraph thanks = new Paragraph("Thank you. The night of " + DiaryText.night(night, clinic)
                + " is in your diary as cramp-free.");
        thanks.setId("check-in-thanks");
        add(thanks);
        onRecorded.run();
    }

    private void hadCramps() {
        if (disturbance.getValue() != null) {
            diary.checkIn(patientId, new CheckInInput(night, false, disturbance.getValue()));
        }
        getUI().ifPresent(ui -> ui.navigate(QuickLogView.ROUTE));
    }
}
