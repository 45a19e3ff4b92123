package app.physioportal.records.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryStatistics;
import app.physioportal.notes.ClinicalNoteService.NoteView;
import app.physioportal.plan.PlanItem;
import app.physioportal.plan.PlanVersionView;
import app.physioportal.progress.ProgressReport;
import app.physioportal.progress.ProgressReport.StretchComparison;
import app.physioportal.progress.ProgressReport.Week;
import app.physioportal.progress.ProgressService;
import app.physioportal.progress.ui.ChartJs;
import app.physioportal.progress.ui.ProgressCharts;
import app.physioportal.records.ProgressReportService;
import app.physioportal.records.ProgressReportService.DateRange;
import app.physioportal.records.ProgressReportService.Report;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The printable progress report, the same for the patient and the physio: controls on screen (dates, print, back),
 * and a sheet laid out for A4 (styles.css, "Printable report"): no app shell, charts at the sheet's width, each part
 * kept on one page. Which clinical notes to print is chosen here, for this report only; nothing is stored.
 */
abstract class ReportPage extends Main {

    private final ProgressReportService reports;
    private final Clinic clinic;
    private final DatePicker fromField = new DatePicker("From");
    private final DatePicker toField = new DatePicker("To");
    private final Div sheet = new Div();
    private long patientId;
    private Report report;

    ReportPage(ProgressReportService reports, Clinic clinic) {
        this.reports = reports;
        this.clinic = clinic;
        addClassName("report-page");
        setId("report-view");
    }

    Report report() {
        return report;
    }

    /** Draws the report for this patient over its default dates; refusals propagate to the access-denied page. */
    void open(long patientId, String backHref, String backLabel) {
        this.patientId = patientId;
        DateRange range = reports.defaultRange(patientId);
        removeAll();
        Anchor back = new Anchor(backHref, backLabel);
        back.setId("report-back");
        LocalDate today = clinic.today();
        for (DatePicker field : List.of(fromField, toField)) {
            field.setLocale(clinic.locale());
            field.setMin(today.minusMonths(12));
            field.setMax(today);
        }
        fromField.setId("report-from");
        toField.setId("report-to");
        fromField.setValue(range.from());
        toField.setValue(range.to());
        fromField.addValueChangeListener(e -> { if (e.isFromClient()) { refresh(); } });
        toField.addValueChangeListener(e -> { if (e.isFromClient()) { refresh(); } });
        Button print = new Button("Print or save as PDF",
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("report-print");
        print.addThemeVariants(ButtonVariant.PRIMARY);
        Div dates = new Div(fromField, toField);
        dates.addClassName("report-dates");
        Div controls = new Div(back, dates, print);
        controls.addClassName("report-controls");
        sheet.addClassName("report-sheet");
        sheet.setId("report-sheet");
        add(controls, sheet);
        refresh();
    }

    /**
     * A browser prints what is on screen: a chart drawn at phone width would print at phone width. Before printing,
     * each chart is redrawn at the sheet's printed size (180 x 70 mm at 96 px per inch), and afterwards at its
     * size on screen again.
     */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().executeJs("""
                if (!window.__physioReportPrint) {
                  window.__physioReportPrint = true;
                  const charts = () => document.querySelectorAll('.report-chart physio-chart');
                  window.addEventListener('beforeprint', () => charts().forEach(c => c.chart && c.chart.resize(680, 264)));
                  window.addEventListener('afterprint', () => charts().forEach(c => c.chart && c.chart.resize()));
                }""");
    }

    private void refresh() {
        fromField.setInvalid(false);
        toField.setInvalid(false);
        try {
            report = reports.report(patientId, fromField.getValue(), toField.getValue());
        } catch (InvalidInput problem) {
            DatePicker field = problem.field().equals("to") ? toField : fromField;
            field.setErrorMessage(problem.getMessage());
            field.setInvalid(true);
            return;
        }
        sheet.removeAll();
        sheet.add(who());
        if (report.emptyDiary()) {
            Paragraph empty = new Paragraph("No nights were recorded in the diary from " + clinic.date(report.from())
                    + " to " + clinic.date(report.to()) + ", so this report has no figures or charts for that time. "
                    + "Each cramp logged and each morning check-in (\"How was last night?\") counts as a recorded night.");
            empty.setId("report-empty");
            empty.addClassName("report-empty");
            sheet.add(section("report-figures", "Baseline and now", false, empty));
        } else {
            sheet.add(figures(), cramps(), adherence(), stretching());
        }
        sheet.add(plan(), appointments(), notes());
    }

    private Component who() {
        var patient = report.patient();
        H1 title = new H1("Progress report: " + patient.displayName());
        Div facts = new Div(
                fact("Patient", patient.displayName() + (patient.birthDate() == null ? ""
                        : ", born " + clinic.date(patient.birthDate()))),
                fact("Physiotherapist", patient.physioName()),
                fact("Clinic", report.clinicName()),
                fact("Period", clinic.date(report.from()) + " to " + clinic.date(report.to())),
                fact("Made", clinic.date(clinic.at(report.madeAt())) + (report.forPatient()
                        ? ", by the patient from the portal" : ", by the physiotherapist from the portal")));
        facts.addClassName("report-facts");
        Paragraph about = new Paragraph("Night-time leg cramps, treated with a home programme of stretches and "
                + "strengthening. The figures come from the patient's own diary; rates are per recorded night, so a "
                + "night without a record is left out rather than counted as free of cramps.");
        about.addClassName("report-about");
        Section who = new Section(title, facts, about);
        who.setId("report-who");
        who.addClassName("report-section");
        return who;
    }

    private static Div fact(String label, String value) {
        Paragraph name = new Paragraph(label);
        name.addClassName("report-fact-label");
        Paragraph text = new Paragraph(value);
        text.addClassName("report-fact-value");
        Div fact = new Div(name, text);
        fact.addClassName("report-fact");
        return fact;
    }

    /** The trial's outcome figures: baseline (first two recorded weeks) against now (latest two), and overall. */
    private Component figures() {
        NativeTable table = new NativeTable();
        table.setId("report-figures-table");
        table.addClassName("report-table");
        DiaryStatistics baseline = report.baseline();
        DiaryStatistics now = report.now();
        List<String> headings = new ArrayList<>(List.of("Measure"));
        if (baseline != null) {
            headings.add("Baseline (" + period(baseline) + ")");
            headings.add("Now (" + period(now) + ")");
            headings.add("Change");
        }
        headings.add("Whole period");
        NativeTableRow head = new NativeTableRow();
        headings.forEach(h -> head.add(new NativeTableHeaderCell(h)));
        NativeTableBody body = new NativeTableBody();
        body.add(row("Cramps per night", DiaryStatistics::crampsPerRecordedNight, ReportPage::one, baseline, now));
        body.add(row("Mean severity (0-10)", DiaryStatistics::meanIntensity, ReportPage::one, baseline, now));
        body.add(row("Share of nights woken by a cramp", DiaryStatistics::shareOfNightsWoken, ReportPage::percent,
                ReportPage::points, baseline, now));
        body.add(row("Sleep disturbance (0-10)", DiaryStatistics::meanSleepDisturbance, ReportPage::one, baseline,
                now));
        body.add(row("Recorded nights", s -> (double) s.recordedNights(), v -> String.valueOf(v.intValue()), baseline,
                now));
        table.add(new NativeTableHeader(head), body);
        Paragraph note = new Paragraph(baseline == null
                ? "Baseline against now appears once " + 4 + " weeks each have at least "
                        + ProgressService.MIN_NIGHTS_PER_WEEK + " recorded nights in the period; until then the "
                        + "whole period's figures stand alone."
                : "Baseline is the first two weeks of the period with at least " + ProgressService.MIN_NIGHTS_PER_WEEK
                        + " recorded nights each, now the latest two. For context, the stretching trial reported "
                        + "1.2 fewer cramps a night and 1.3 points lower severity than without stretching, after 6 weeks.");
        note.addClassName("report-note-text");
        return section("report-figures", "Baseline and now", false, table, note);
    }

    private String period(DiaryStatistics s) {
        return clinic.dayMonth(s.from()) + " to " + clinic.dayMonth(s.to());
    }

    private NativeTableRow row(String label, Function<DiaryStatistics, Double> value, Function<Double, String> format,
            DiaryStatistics baseline, DiaryStatistics now) {
        return row(label, value, format, format, baseline, now);
    }

    /** {@code changeFormat} writes the difference: a change of share is in percentage points, not per cent. */
    private NativeTableRow row(String label, Function<DiaryStatistics, Double> value, Function<Double, String> format,
            Function<Double, String> changeFormat, DiaryStatistics baseline, DiaryStatistics now) {
        NativeTableRow row = new NativeTableRow(new NativeTableHeaderCell(label));
        Function<DiaryStatistics, String> cell = s -> {
            Double v = value.apply(s);
            return v == null ? "–" : format.apply(v);
        };
        if (baseline != null) {
            row.add(new NativeTableCell(cell.apply(baseline)), new NativeTableCell(cell.apply(now)));
            Double before = value.apply(baseline);
            Double after = value.apply(now);
            row.add(new NativeTableCell(before == null || after == null ? "–" : change(after - before, changeFormat)));
        }
        row.add(new NativeTableCell(cell.apply(report.overall())));
        return row;
    }

    private static String change(double difference, Function<Double, String> format) {
        String amount = format.apply(Math.abs(difference));
        return Math.abs(difference) < 0.005 ? "no change" : (difference < 0 ? "−" : "+") + amount;
    }

    private Component cramps() {
        ProgressReport progress = report.progress();
        ChartJs chart = new ChartJs("report-cramps-chart", "Cramps per week");
        chart.setConfiguration(ProgressCharts.cramps(progress, clinic));
        chart.setOverlay(ProgressCharts.weeklyOverlay(progress));
        StringBuilder text = new StringBuilder();
        text.append(progress.recordedNights()).append(" nights recorded, ").append(progress.cramps())
                .append(progress.cramps() == 1 ? " cramp" : " cramps").append(". Bars are cramps per week, scaled to ")
                .append("seven recorded nights; hatched weeks had fewer than ").append(ProgressService.MIN_NIGHTS_PER_WEEK)
                .append(" recorded nights. ");
        progress.markers().forEach(m -> text.append("Plan version ").append(m.versionNumber()).append(" started on ")
                .append(clinic.date(m.effectiveFrom())).append(" (dashed line). "));
        Paragraph summary = new Paragraph(text.toString().strip());
        summary.addClassName("report-summary");
        return section("report-cramps", "Cramps per week", false, chartBox(chart), summary);
    }

    private Component adherence() {
        ProgressReport progress = report.progress();
        ChartJs chart = new ChartJs("report-adherence-chart", "Exercises done per week");
        chart.setConfiguration(ProgressCharts.adherence(progress, clinic));
        chart.setOverlay(ProgressCharts.weeklyOverlay(progress));
        List<Week> withPlan = progress.weeks().stream().filter(w -> w.adherencePercent() != null).toList();
        Paragraph summary = new Paragraph(withPlan.isEmpty() ? "No exercise plan in this period."
                : "Share of the prescribed exercises ticked off, week by week: " + withPlan.stream()
                        .map(w -> clinic.dayMonth(w.weekStart()) + " " + w.adherencePercent() + "%")
                        .collect(Collectors.joining(", ")) + ".");
        summary.setId("report-adherence-summary");
        summary.addClassName("report-summary");
        return section("report-adherence", "Exercises done per week", false, chartBox(chart), summary);
    }

    private static Div chartBox(ChartJs chart) {
        Div box = new Div(chart);
        box.addClassName("report-chart");
        return box;
    }

    private Component stretching() {
        StretchComparison s = report.progress().stretching();
        Paragraph text;
        if (s.ready()) {
            text = new Paragraph(one(s.crampsPerStretchedNight()) + " cramps a night on the " + s.stretchedNights()
                    + " recorded nights with the bedtime stretch done; " + one(s.crampsPerNotStretchedNight())
                    + " on the " + s.notStretchedNights() + " recorded nights on the plan without it. An observation "
                    + "from the diary, not a controlled comparison.");
            text.setId("report-stretching-result");
        } else {
            text = new Paragraph("Not enough nights yet to compare: this needs at least "
                    + ProgressService.MIN_NIGHTS_TO_COMPARE + " recorded nights with the bedtime stretch done and "
                    + ProgressService.MIN_NIGHTS_TO_COMPARE + " without (so far " + s.stretchedNights() + " and "
                    + s.notStretchedNights() + ").");
            text.setId("report-stretching-pending");
        }
        return section("report-stretching", "Nights with and without the bedtime stretch", false, text);
    }

    private Component plan() {
        List<Component> parts = new ArrayList<>();
        if (report.planVersions().isEmpty()) {
            parts.add(new Paragraph("No exercise plan up to " + clinic.date(report.to()) + "."));
        }
        for (PlanVersionView version : report.planVersions()) {
            H3 heading = new H3("Version " + version.number() + ", from " + clinic.date(version.effectiveFrom()));
            Paragraph why = new Paragraph("By " + version.authorName() + ": " + version.reason());
            why.addClassName("report-plan-reason");
            UnorderedList items = new UnorderedList();
            for (PlanItem item : version.items()) {
                items.add(new ListItem(item.exercise().name() + ": " + item.amountInWords() + ", "
                        + item.frequencyInWords().toLowerCase(Locale.UK)
                        + (item.dose().progressionNote() == null ? "" : " (" + item.dose().progressionNote() + ")")));
            }
            Div box = new Div(heading, why, items);
            box.addClassName("report-plan-version");
            parts.add(box);
        }
        return section("report-plan", "Exercise plan and its versions", true, parts.toArray(Component[]::new));
    }

    private Component appointments() {
        List<AppointmentSummary> attended = report.attended();
        List<Component> parts = new ArrayList<>();
        if (attended.isEmpty()) {
            parts.add(new Paragraph("No appointments attended in this period."));
        } else {
            UnorderedList list = new UnorderedList();
            attended.forEach(a -> list.add(new ListItem(clinic.date(clinic.at(a.start())) + ": " + a.type().label()
                    + " with " + a.physioName())));
            parts.add(list);
        }
        if (report.missed() > 0) {
            parts.add(new Paragraph(report.missed() + (report.missed() == 1 ? " appointment" : " appointments")
                    + " not attended."));
        }
        return section("report-appointments", "Appointments attended", false, parts.toArray(Component[]::new));
    }

    /**
     * Each note with a box to include it in the print: the physio starts with none (notes are written for the
     * clinic), the patient with all those shared with them. Left-out notes are greyed on screen and not printed.
     */
    private Component notes() {
        Section section = section("report-notes", "Clinical notes", false);
        Paragraph none = new Paragraph("No clinical notes included.");
        none.setId("report-notes-none");
        none.addClassName("report-notes-none");
        section.add(none);
        if (report.notes().isEmpty()) {
            none.setText(report.forPatient() ? "No notes shared with you in this period."
                    : "No clinical notes written in this period.");
            return section;
        }
        List<Checkbox> boxes = new ArrayList<>();
        for (NoteView note : report.notes()) {
            Paragraph when = new Paragraph(clinic.date(clinic.at(note.writtenAt())) + ", " + note.authorName()
                    + (note.corrected() ? " (corrected by a later note)" : ""));
            when.addClassName("report-fact-label");
            Paragraph body = new Paragraph(note.body());
            body.addClassName("report-note-body");
            Checkbox include = new Checkbox("Include in the report", report.forPatient());
            include.setId("include-note-" + note.id());
            include.addClassName("report-note-choice");
            boxes.add(include);
            Div box = new Div(include, when, body);
            box.setId("report-note-" + note.id());
            box.addClassName("report-note");
            box.setClassName("excluded", !include.getValue());
            include.addValueChangeListener(e -> {
                box.setClassName("excluded", !e.getValue());
                none.setVisible(boxes.stream().noneMatch(Checkbox::getValue));
            });
            section.add(box);
        }
        none.setVisible(boxes.stream().noneMatch(Checkbox::getValue));
        return section;
    }

    private static Section section(String id, String title, boolean newPage, Component... content) {
        Section section = new Section(new H2(title));
        section.add(content);
        section.setId(id);
        section.addClassName("report-section");
        if (newPage) {
            section.addClassName("report-new-page");
        }
        return section;
    }

    static String one(Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%.1f", value);
    }

    static String points(Double shareDifference) {
        return Math.round(shareDifference * 100) + " points";
    }

    static String percent(Double share) {
        return share == null ? "–" : Math.round(share * 100) + "%";
    }
}
