package app.physioportal.records;

import app.physioportal.booking.AppointmentStatus;
import app.physioportal.booking.AppointmentType;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.diary.Nights;
import app.physioportal.diary.NightStatus;
import app.physioportal.diary.NightSummary;
import app.physioportal.exercise.Timing;
import app.physioportal.patient.PatientProfile;
import app.physioportal.plan.ItemDraft;
import app.physioportal.plan.PlanItem;
import app.physioportal.plan.PlanVersionView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;

/**
 * One patient's record as a FHIR R4 collection Bundle. Entries are named by {@code urn:uuid:} full URLs derived from
 * the portal's own ids, so the same record exported twice names the same resources the same way.
 */
final class FhirBundleBuilder {

    /** The portal's own code system for the diary's figures: no LOINC code fits them exactly (README, Records). */
    static final String DIARY_CODES = "https://physio-portal.example/fhir/CodeSystem/cramp-diary";
    /** The clinic's exercise library codes (e.g. {@code wall-calf-stretch}). */
    static final String EXERCISE_CODES = "https://physio-portal.example/fhir/CodeSystem/exercise";
    static final String PATIENT_IDS = "https://physio-portal.example/fhir/NamingSystem/patient-id";
    private static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    private static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    private static final String PROVENANCE_AGENT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

    /** What the builder reads, gathered by the service after its access check. */
    record Source(PatientProfile patient, List<PlanVersionView> planVersions, List<NightSummary> nights,
            List<AppointmentSummary> appointments, LocalDate today, Instant now) {
    }

    private final ZoneId zone;
    private final Bundle bundle = new Bundle();
    private final Map<String, Reference> practitioners = new LinkedHashMap<>();
    private Reference patient;
    private long patientId;

    FhirBundleBuilder(ZoneId zone) {
        this.zone = zone;
    }

    Bundle build(Source source) {
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(source.now()));
        bundle.setIdentifier(new Identifier().setSystem("urn:ietf:rfc:3986")
                .setValue("urn:uuid:" + UUID.randomUUID()));
        patientId = source.patient().id();
        patient = add(patient(source.patient()), "patient", patientId);
        practitioner(source.patient().physioName());
        carePlans(source.planVersions(), source.today());
        source.nights().stream().filter(NightSummary::recorded).sorted(Comparator.comparing(NightSummary::night))
                .forEach(night -> {
                    add(nightObservation(night), "night", patientId + ":" + night.night());
                    if (night.status() == NightStatus.CRAMP_FREE || night.sleepDisturbance() != null) {
                        add(checkInObservation(night), "check-in", patientId + ":" + night.night());
                    }
                });
        source.appointments().forEach(a -> add(appointment(a), "appointment", a.id()));
        return bundle;
    }

    private Patient patient(PatientProfile profile) {
        Patient resource = new Patient();
        resource.addIdentifier().setSystem(PATIENT_IDS).setValue(String.valueOf(profile.id()));
        resource.setActive(true);
        resource.addName(name(profile.displayName()));
        if (profile.email() != null) {
            resource.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(profile.email())
                    .setUse(ContactPoint.ContactPointUse.HOME);
        }
        if (profile.birthDate() != null) {
            resource.setBirthDateElement(new DateType(profile.birthDate().toString()));
        }
        return resource;
    }

    /** "Margaret Ellis": text as written, the last word as family name and the rest as given names. */
    private static HumanName name(String displayName) {
        HumanName name = new HumanName().setText(displayName).setUse(HumanName.NameUse.USUAL);
        String[] words = displayName.strip().split("\\s+");
        if (words.length > 1) {
            name.setFamily(words[words.length - 1]);
            for (int i = 0; i < words.length - 1; i++) {
                name.addGiven(words[i]);
            }
        }
        return name;
    }

    /** The physios the record names (the treating one, plan authors, appointments), each once. */
    private Reference practitioner(String displayName) {
        return practitioners.computeIfAbsent(displayName, n -> {
            Practitioner resource = new Practitioner();
            resource.setActive(true);
            resource.addName(name(n));
            return add(resource, "practitioner", n);
        });
    }

    private void carePlans(List<PlanVersionView> versions, LocalDate today) {
        List<PlanVersionView> oldestFirst = versions.stream().sorted(Comparator.comparing(PlanVersionView::number))
                .toList();
        Reference previous = null;
        for (int i = 0; i < oldestFirst.size(); i++) {
            PlanVersionView version = oldestFirst.get(i);
            PlanVersionView next = i + 1 < oldestFirst.size() ? oldestFirst.get(i + 1) : null;
            boolean replaced = next != null && !next.effectiveFrom().isAfter(today);
            Reference author = practitioner(version.authorName());
            CarePlan plan = carePlan(version, next, replaced, author);
            if (previous != null) {
                plan.addReplaces(previous);
            }
            Reference planReference = add(plan, "care-plan", patientKey() + ":" + version.number());
            add(provenance(version, planReference, author, previous == null), "provenance",
                    patientKey() + ":" + version.number());
            previous = planReference;
        }
    }

    private CarePlan carePlan(PlanVersionView version, PlanVersionView next, boolean replaced, Reference author) {
        CarePlan plan = new CarePlan();
        plan.setStatus(replaced ? CarePlan.CarePlanStatus.REVOKED : CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("Home exercise plan, version " + version.number());
        plan.setDescription(version.reason());
        plan.setSubject(patient);
        plan.setAuthor(author);
        plan.setCreated(Date.from(version.createdAt()));
        Period period = new Period().setStartElement(new DateTimeType(version.effectiveFrom().toString()));
        if (next != null) {
            period.setEndElement(new DateTimeType(next.effectiveFrom().minusDays(1).toString()));
        }
        plan.setPeriod(period);
        plan.addCategory().setText("Home exercise programme for night-time leg cramps");
        if (!version.changes().isEmpty()) {
            plan.addNote(new Annotation().setText("Changes from the version before: "
                    + String.join("; ", version.changes())));
        }
        for (PlanItem item : version.items()) {
            plan.addActivity().setDetail(activity(item, replaced));
        }
        return plan;
    }

    private CarePlan.CarePlanActivityDetailComponent activity(PlanItem item, boolean replaced) {
        ItemDraft dose = item.dose();
        CarePlan.CarePlanActivityDetailComponent detail = new CarePlan.CarePlanActivityDetailComponent();
        detail.setCode(new CodeableConcept(new Coding(EXERCISE_CODES, item.exercise().code(), item.exercise().name()))
                .setText(item.exercise().name()));
        detail.setStatus(replaced ? CarePlan.CarePlanActivityStatus.STOPPED
                : CarePlan.CarePlanActivityStatus.INPROGRESS);
        String dosage = item.amountInWords() + "; " + item.frequencyInWords()
                + (dose.progressionNote() == null ? "" : ". Progression: " + dose.progressionNote());
        detail.setDescription(item.exercise().category().label() + ": " + dosage);
        org.hl7.fhir.r4.model.Timing timing = new org.hl7.fhir.r4.model.Timing();
        timing.setCode(new CodeableConcept().setText(item.frequencyInWords()));
        org.hl7.fhir.r4.model.Timing.TimingRepeatComponent repeat = timing.getRepeat();
        if (dose.daysPerWeek() == 7) {
            repeat.setFrequency(dose.timesPerDay()).setPeriod(1).setPeriodUnit(org.hl7.fhir.r4.model.Timing.UnitsOfTime.D);
        } else {
            repeat.setFrequency(dose.timesPerDay() * dose.daysPerWeek()).setPeriod(1)
                    .setPeriodUnit(org.hl7.fhir.r4.model.Timing.UnitsOfTime.WK);
        }
        if (dose.timing() == Timing.BEFORE_BED) {
            repeat.addWhen(org.hl7.fhir.r4.model.Timing.EventTiming.HS);
        } else if (dose.timing() == Timing.MORNING) {
            repeat.addWhen(org.hl7.fhir.r4.model.Timing.EventTiming.MORN);
        }
        detail.setScheduled(timing);
        return detail;
    }

    private Provenance provenance(PlanVersionView version, Reference plan, Reference author, boolean first) {
        Provenance provenance = new Provenance();
        provenance.addTarget(plan);
        provenance.setRecorded(Date.from(version.createdAt()));
        provenance.setOccurred(new DateTimeType(version.effectiveFrom().toString()));
        provenance.setActivity(new CodeableConcept(first
                ? new Coding(DATA_OPERATION, "CREATE", "create")
                : new Coding(DATA_OPERATION, "UPDATE", "revise")));
        provenance.addReason().setText(version.reason());
        provenance.addAgent()
                .setType(new CodeableConcept(new Coding(PROVENANCE_AGENT_TYPE, "author", "Author")))
                .setWho(author);
        return provenance;
    }

    /** Cramps of one night: how many, the worst intensity, whether one woke the patient. */
    private Observation nightObservation(NightSummary night) {
        Observation observation = diaryObservation(night, "night-cramps", "Night-time leg cramps, one night");
        observation.addComponent(component("cramp-count", "Number of leg cramps in the night",
                new IntegerType(night.crampCount())));
        OptionalInt worst = night.cramps().stream().mapToInt(c -> c.intensity()).max();
        if (worst.isPresent()) {
            observation.addComponent(component("worst-intensity", "Worst cramp intensity (0-10 numeric rating scale)",
                    new IntegerType(worst.getAsInt())));
        }
        observation.addComponent(component("woke-from-sleep", "A cramp woke the patient from sleep",
                new BooleanType(night.woken())));
        List<String> notes = night.cramps().stream().map(c -> c.note()).filter(Objects::nonNull)
                .filter(n -> !n.isBlank()).toList();
        notes.forEach(n -> observation.addNote(new Annotation().setText(n)));
        return observation;
    }

    /** The morning answer to "How was last night?": cramp-free or not, and the sleep disturbance if given. */
    private Observation checkInObservation(NightSummary night) {
        Observation observation = diaryObservation(night, "morning-check-in", "Morning check-in about the night");
        observation.addComponent(component("cramp-free-night", "The night was free of cramps",
                new BooleanType(night.status() == NightStatus.CRAMP_FREE)));
        if (night.sleepDisturbance() != null) {
            observation.addComponent(component("sleep-disturbance", "Sleep disturbance (0-10)",
                    new IntegerType(night.sleepDisturbance())));
        }
        return observation;
    }

    private Observation diaryObservation(NightSummary night, String code, String display) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
        observation.setCode(new CodeableConcept(new Coding(DIARY_CODES, code, display)).setText(display));
        observation.setSubject(patient);
        observation.addPerformer(patient);
        // A diary night runs from noon to noon (the night rule, Nights.CUT_OFF) in the clinic's time zone.
        observation.setEffective(new Period()
                .setStart(Date.from(night.night().atTime(Nights.CUT_OFF).atZone(zone).toInstant()))
                .setEnd(Date.from(night.night().plusDays(1).atTime(Nights.CUT_OFF).atZone(zone).toInstant())));
        return observation;
    }

    private static Observation.ObservationComponentComponent component(String code, String display, Type value) {
        return new Observation.ObservationComponentComponent(
                new CodeableConcept(new Coding(DIARY_CODES, code, display)).setText(display)).setValue(value);
    }

    private Appointment appointment(AppointmentSummary summary) {
        Appointment appointment = new Appointment();
        appointment.setStatus(switch (summary.status()) {
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
            case ATTENDED -> Appointment.AppointmentStatus.FULFILLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
        });
        appointment.setDescription((summary.type() == AppointmentType.VIDEO ? "Video call" : "In clinic")
                + " with " + summary.physioName());
        appointment.addServiceType().setText(summary.type().label());
        appointment.setStart(Date.from(summary.start()));
        appointment.setEnd(Date.from(summary.end()));
        if (summary.note() != null && !summary.note().isBlank()) {
            appointment.setComment(summary.note());
        }
        Appointment.ParticipationStatus attended = summary.status() == AppointmentStatus.CANCELLED
                ? Appointment.ParticipationStatus.DECLINED : Appointment.ParticipationStatus.ACCEPTED;
        appointment.addParticipant().setActor(patient).setStatus(attended);
        appointment.addParticipant().setActor(practitioner(summary.physioName()))
                .addType(new CodeableConcept(new Coding(PARTICIPATION_TYPE, "PPRF", "primary performer")))
                .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        return appointment;
    }

    private String patientKey() {
        return String.valueOf(patientId);
    }

    /** Adds an entry named by a UUID derived from what it is, and returns a reference to it. */
    private Reference add(Resource resource, String kind, Object key) {
        String id = UUID.nameUUIDFromBytes((kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
        resource.setId(id);
        String url = "urn:uuid:" + id;
        bundle.addEntry().setFullUrl(url).setResource(resource);
        return new Reference(url);
    }

    /** How many resources of each type, in the order they first appear. */
    static Map<String, Integer> counts(Bundle bundle) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        bundle.getEntry().forEach(e -> counts.merge(e.getResource().fhirType(), 1, Integer::sum));
        return counts;
    }
}
