package app.physioportal.export;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.booking.BookingService;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightSummary;
import app.physioportal.messages.MessageService;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.patient.AccessHistory;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanExport;
import app.physioportal.plan.PlanService;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the portal holds about a patient, for the patient: one JSON file with all of it and a
 * CSV file per kind of record, in a zip. Only the patient themself may export; each export is audited.
 */
@Service
public class DataExportService {

    public record Export(String fileName, byte[] zip) {
    }

    private final PatientAccess access;
    private final PatientService patients;
    private final PlanService plans;
    private final PlanExport planExport;
    private final DiaryService diary;
    private final ClinicalNoteService notes;
    private final MessageService messages;
    private final BookingService booking;
    private final AuditService audit;
    private final AccessHistory accessHistory;
    private final Clock clock;
    private final Clinic clinic;
    private final ZoneId zone;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    DataExportService(PatientAccess access, PatientService patients, PlanService plans, PlanExport planExport,
            DiaryService diary, ClinicalNoteService notes, BookingService booking, AuditService audit, Clock clock,
            Clinic clinic, AccessHistory accessHistory, MessageService messages) {
        this.accessHistory = accessHistory;
        this.messages = messages;
        this.booking = booking;
        this.access = access;
        this.patients = patients;
        this.plans = plans;
        this.planExport = planExport;
        this.diary = diary;
        this.notes = notes;
        this.audit = audit;
        this.clock = clock;
        this.clinic = clinic;
        this.zone = clinic.zone();
    }

    @Transactional(readOnly = true)
    public Export exportFor(long patientId) {
        access.checkAs(patientId, Role.PATIENT, "download their data");
        LocalDate today = clinic.today();
        var profile = patients.patientProfile(patientId);
        var history = plans.history(patientId);
        var adherence = planExport.adherenceLog(patientId);
        var nights = diary.listNights(patientId, profile.assignedSince(), today).stream()
                .filter(n -> !n.status().name().equals("NOT_RECORDED")).toList();
        var sharedNotes = notes.notesFor(patientId);
        var appointments = booking.appointments(patientId);
        var accesses = accessHistory.allOfMyRecord(patientId);
        var conversation = messages.forExport(patientId);

        Map<String, Object> all = new LinkedHashMap<>();
        all.put("exportedAt", clock.instant());
        all.put("profile", profile);
        all.put("planVersions", history);
        all.put("exercisesDone", adherence);
        all.put("diaryNights", nights);
        all.put("notesSharedWithYou", sharedNotes);
        all.put("appointments", appointments);
        all.put("messages", conversation);
        all.put("whoOpenedYourRecord", accesses);

        Csv profileCsv = new Csv("name", "email", "birth_date", "assigned_since", "physio", "medications")
                .row(profile.displayName(), profile.email(), profile.birthDate(), profile.assignedSince(),
                        profile.physioName(), profile.medications());
        Csv versions = new Csv("version", "effective_from", "created_at", "author", "reason");
        Csv items = new Csv("version", "order", "exercise", "amount", "frequency", "progression_note");
        for (var version : history) {
            versions.row(version.number(), version.effectiveFrom(), version.createdAt(), version.authorName(),
                    version.reason());
            for (var item : version.items()) {
                items.row(version.number(), item.order(), item.exercise().name(), item.amountInWords(),
                        item.frequencyInWords(), item.dose().progressionNote());
            }
        }
        Csv done = new Csv("day", "exercise_id", "effort_or_pain_0_10");
        adherence.forEach(a -> done.row(a.day(), a.exerciseId(), a.effort()));
        Csv nightsCsv = new Csv("night", "status", "cramps", "sleep_disturbance_0_10");
        Csv cramps = new Csv("night", "time", "intensity_0_10", "duration", "minutes", "location", "side",
                "woke_from_sleep", "triggers", "relief", "note");
        for (NightSummary night : nights) {
            nightsCsv.row(night.night(), night.status(), night.cramps().size(), night.sleepDisturbance());
            night.cramps().forEach(c -> cramps.row(c.night(), c.occurredAt().atZone(zone).toLocalDateTime(),
                    c.intensity(), c.duration(), c.minutes(), c.location(), c.side(), c.wokeFromSleep(),
                    String.join(" ", c.triggers().stream().map(Enum::name).sorted().toList()),
                    String.join(" ", c.relief().stream().map(Enum::name).sorted().toList()), c.note()));
        }
        Csv notesCsv = new Csv("written_at", "author", "note");
        sharedNotes.forEach(n -> notesCsv.row(n.writtenAt().atZone(zone).toLocalDateTime(), n.authorName(), n.body()));

        Csv visits = new Csv("start", "end", "type", "status", "with", "booked_by", "cancelled_by", "note");
        appointments.forEach(a -> visits.row(a.start().atZone(zone).toLocalDateTime(),
                a.end().atZone(zone).toLocalDateTime(), a.type(), a.status(), a.physioName(), a.bookedBy(),
                a.cancelledBy(), a.note()));

        Csv messagesCsv = new Csv("sent", "from", "about", "message", "read_by_other_side", "withdrawn");
        conversation.forEach(m -> messagesCsv.row(m.sentAt().atZone(zone).toLocalDateTime(),
                m.mine() ? "you" : m.senderName(), m.about() == null ? null : m.about().token(), m.body(),
                m.readAt() == null ? null : m.readAt().atZone(zone).toLocalDateTime(),
                m.withdrawnAt() == null ? null : m.withdrawnAt().atZone(zone).toLocalDateTime()));

        Csv accessCsv = new Csv("when", "who", "role", "what");
        accesses.forEach(a -> accessCsv.row(a.when().atZone(zone).toLocalDateTime(), a.who(), a.role(), a.what()));

        Map<String, String> files = new LinkedHashMap<>();
        files.put("everything.json", json.writeValueAsString(all));
        files.put("profile.csv", profileCsv.toString());
        files.put("plan_versions.csv", versions.toString());
        files.put("plan_items.csv", items.toString());
        files.put("exercises_done.csv", done.toString());
        files.put("diary_nights.csv", nightsCsv.toString());
        files.put("cramps.csv", cramps.toString());
        files.put("notes_shared_with_you.csv", notesCsv.toString());
        files.put("appointments.csv", visits.toString());
        files.put("messages.csv", messagesCsv.toString());
        files.put("who_opened_your_record.csv", accessCsv.toString());

        audit.record(AuditAction.DATA_EXPORTED, patientId, String.join(", ", files.keySet()));
        return new Export("physio-portal-export-" + today + ".zip", zip(files));
    }

    private static byte[] zip(Map<String, String> files) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
