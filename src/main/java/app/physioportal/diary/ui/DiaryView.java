package app.physioportal.diary.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.DiaryStatistics;
import app.physioportal.diary.Nights;
import app.physioportal.security.ActingFor;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** The patient's cramp diary: last night's check-in if it is missing, four weeks in figures, and every night. */
@Route(DiaryView.ROUTE)
@PageTitle("Diary · Physio Portal")
@Menu(title = "Diary", order = 2, icon = "vaadin:notebook")
@RolesAllowed({Role.PATIENT_ROLE, Role.HELPER_ROLE})
public class DiaryView extends Main {

    /** Other pages go here by this route, never by this class (see QuickLogView.ROUTE). */
    public static final String ROUTE = "diary";

    private final DiaryService diary;
    private final Nights nights;
    private final Clock clock;
    private final long patientId;
    private final Div summary = new Div();

    public DiaryView(DiaryService diary, Nights nights, ActingFor actingFor, Clock clock, Clinic clinic) {
        this.diary = diary;
        this.nights = nights;
        this.clock = clock;
        ActingFor.Subject subject = actingFor.requireSubject();
        this.patientId = subject.patientId();
        addClassName("page");
        setId("diary-view");

        Button log = new Button("Log a cramp", VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(QuickLogView.class)));
        log.setId("diary-log-cramp");
        log.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);

        NightList list = new NightList(diary, nights, clinic, clock, patientId, !subject.mayRecord(),
                subject.isSelf());
        MorningCheckIn checkIn = new MorningCheckIn(diary, nights, clinic, clock, patientId);
        checkIn.setOnRecorded(() -> {
            list.refresh();
            showSummary();
        });
        list.setOnChange(this::showSummary);
        summary.setId("diary-summary");
        summary.addClassNames("card", "diary-summary");
        showSummary();
        if (subject.isSelf()) {
            add(new ViewHeader("Diary", "Your nights, newest first. A night with no record is not counted as "
                    + "cramp-free."), checkIn, log, summary, list);
        } else {
            String first = Clinic.firstName(subject.name());
            add(new ViewHeader(first + "'s diary", "Newest night first. A night with no record is not counted as "
                    + "cramp-free."));
            if (subject.mayRecord()) {
                add(checkIn, log);
            }
            add(summary, list);
        }
    }

    private void showSummary() {
        LocalDate last = nights.lastNight(clock);
        DiaryStatistics stats = diary.statistics(patientId, last.minusDays(27), last);
        summary.removeAll();
        summary.add(new Span("Last 4 weeks"));
        summary.add(figure(stats.recordedNights() + " of " + stats.nightsInRange(), "nights recorded"));
        summary.add(figure(DiaryText.oneDecimal(stats.crampsPerRecordedNight()), "cramps per recorded night"));
        summary.add(figure(DiaryText.oneDecimal(stats.meanIntensity()), "mean intensity (0-10)"));
        summary.add(figure(stats.shareOfNightsWoken() == null ? "–"
                : String.format(Locale.UK, "%.0f%%", 100 * stats.shareOfNightsWoken()), "nights woken by cramps"));
    }

    private static Div figure(String value, String label) {
        Span number = new Span(value);
        number.addClassName("figure-value");
        Span text = new Span(label);
        text.addClassName("figure-label");
        Div figure = new Div(number, text);
        figure.addClassName("figure");
        return figure;
    }
}
