package app.physioportal.reminders;

import app.physioportal.base.JobLock;
import app.physioportal.base.PortalAddress;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightSummary;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.OutgoingEmail;
import app.physioportal.mail.Outbox;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.PlanVersionView;
import app.physioportal.plan.TodayItem;
import app.physioportal.plan.TodayPlan;
import app.physioportal.reminders.push.WebPush;
import app.physioportal.security.Directory;
import app.physioportal.security.Directory.Person;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides, every minute, which patients are due a bedtime reminder, a morning check-in email or a quiet-nights
 * nudge, and queues those emails through the outbox. Times are the clinic's local wall-clock times: a reminder for
 * 21:30 goes at 21:30 on the nights the clocks change too (a time that does not exist that night moves forward by
 * the gap; a time that occurs twice goes at the first). Each decision is one row in the reminder log, keyed by
 * person, kind and night, inserted in the same transaction as the email: two instances, or two overlapping runs,
 * cannot send the same reminder twice. The job lock only saves the second instance the work.
 */
@Component
public class ReminderJob {

    /** A reminder is still worth sending this long after its time (the portal was restarting, say). */
    static final Duration LATE_BY_AT_MOST = Duration.ofHours(1);
    static final LocalTime NUDGE_AT = LocalTime.of(18, 0);
    static final int QUIET_NIGHTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    /** What one run did, for tests and the log. */
    public record Run(int sent, int skipped) {
    }

    private final Clock clock;
    private final Clinic clinic;
    private final Directory directory;
    private final ReminderSettingsService settings;
    private final ReminderLog decisions;
    private final Outbox outbox;
    private final CheckInLinks checkInLinks;
    private final Unsubscribe unsubscribe;
    private final AdherenceService adherence;
    private final PlanService plans;
    private final DiaryService diary;
    private final SystemTasks system;
    private final PortalAddress portal;
    private final JobLock lock;
    private final TransactionTemplate transaction;
    private final WebPush push;
    private final boolean enabled;

    ReminderJob(Clock clock, Clinic clinic, Directory directory, ReminderSettingsService settings, ReminderLog decisions,
            Outbox outbox, CheckInLinks checkInLinks, Unsubscribe unsubscribe, AdherenceService adherence,
            PlanService plans, DiaryService diary, SystemTasks system, PortalAddress portal, JobLock lock,
            TransactionTemplate transaction, WebPush push, @Value("${app.reminders.enabled:true}") boolean enabled) {
        this.push = push;
        this.clock = clock;
        this.clinic = clinic;
        this.directory = directory;
        this.settings = settings;
        this.decisions = decisions;
        this.outbox = outbox;
        this.checkInLinks = checkInLinks;
        this.unsubscribe = unsubscribe;
        this.adherence = adherence;
        this.plans = plans;
        this.diary = diary;
        this.system = system;
        this.portal = portal;
        this.lock = lock;
        this.transaction = transaction;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${app.reminders.every:60s}", initialDelayString = "${app.reminders.first-run:30s}")
    void tick() {
        if (enabled) {
            lock.runExclusively("patient-reminders", Duration.ofMinutes(10), this::runDue);
        }
    }

    /** One pass at the clock's current time. */
    public Run runDue() {
        Instant now = clock.instant();
        ZoneId zone = clinic.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Person> patients = directory.active(Role.PATIENT);
        Map<Long, ReminderSettings> all = settings.forAccounts(patients.stream().map(Person::id).toList());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        for (Person patient : patients) {
            ReminderSettings s = all.get(patient.id());
            try {
                for (LocalDate night : List.of(today.minusDays(1), today)) {
                    Instant due = ZonedDateTime.of(s.bedtimeOf(night).minusMinutes(s.minutesBefore()), zone).toInstant();
                    if (s.bedtimeReminder() && !s.awayOn(night) && dueNow(now, due, LATE_BY_AT_MOST)) {
                        count(bedtime(patient, s, night), sent, skipped);
                    }
                }
                LocalDate lastNight = today.minusDays(1);
                Instant morning = ZonedDateTime.of(today, s.morningTime(), zone).toInstant();
                Instant noon = ZonedDateTime.of(today, LocalTime.NOON, zone).toInstant();
                if (s.morningReminder() && !s.awayOn(lastNight) && dueNow(now, morning, LATE_BY_AT_MOST)
                        && now.isBefore(noon)) {
                    count(morning(patient, lastNight, noon), sent, skipped);
                }
                Instant nudge = ZonedDateTime.of(today, NUDGE_AT, zone).toInstant();
                if (s.nudges() && !s.awayOn(today.minusDays(QUIET_NIGHTS)) && !s.awayOn(lastNight)
                        && dueNow(now, nudge, LATE_BY_AT_MOST)) {
                    count(nudge(patient, today, now), sent, skipped);
                }
            } catch (RuntimeException failed) {
                // One patient's trouble must not keep the others' reminders back; the next minute tries again.
                log.warn("Reminders for account {} failed: {}", patient.id(), failed.toString());
            }
        }
        return new Run(sent.get(), skipped.get());
    }

    private static boolean dueNow(Instant now, Instant due, Duration grace) {
        return !now.isBefore(due) && now.isBefore(due.plus(grace));
    }

    private static void count(Optional<Boolean> outcome, AtomicInteger sent, AtomicInteger skipped) {
        outcome.ifPresent(wasSent -> (wasSent ? sent : skipped).incrementAndGet());
    }

    /** Empty when already decided; otherwise whether an email was queued. */
    private Optional<Boolean> bedtime(Person patient, ReminderSettings s, LocalDate night) {
        String occasion = night.toString();
        if (decisions.decided(patient.id(), ReminderKind.BEDTIME, occasion)) {
            return Optional.empty();
        }
        Optional<TodayPlan> plan = asPatient(patient, () -> adherence.today(patient.id()));
        List<TodayItem> open = plan.filter(p -> p.day().equals(night)).map(TodayPlan::tonight).orElse(List.of())
                .stream().filter(item -> !item.done()).toList();
        boolean anyTonight = plan.filter(p -> p.day().equals(night)).map(p -> !p.tonight().isEmpty()).orElse(false);
        String outcome = !anyTonight ? "NO_STRETCHES" : open.isEmpty() ? "ALREADY_DONE" : "SENT";
        Instant bedtime = ZonedDateTime.of(s.bedtimeOf(night), clinic.zone()).toInstant();
        Optional<Boolean> decided = decide(patient, ReminderKind.BEDTIME, occasion, outcome, () -> {
            List<String> items = new ArrayList<>();
            for (TodayItem item : open) {
                items.add(item.item().exercise().name() + ": " + item.item().amountInWords());
            }
            EmailLayout body = EmailLayout.from(clinic.name()).greeting(Clinic.firstName(patient.name()))
                    .paragraph("Bedtime is at " + s.bedtime() + ". Before you go to bed tonight:")
                    .items(items)
                    .button("Open Today", portal.link("today"))
                    .paragraph("Tick each one in Today as you finish it. Stretching every night is what keeps the "
                            + "cramps away, even on nights you feel fine.");
            return email(patient, ReminderKind.BEDTIME, occasion, "Tonight's stretches", body)
                    .expiringAt(bedtime.plus(Duration.ofMinutes(30)));
        });
        if (decided.orElse(false)) {
            // After the commit: the browsers where the patient turned notifications on (the same words, shorter).
            push.notify(patient.id(), "Tonight's stretches", "Before bed: " + String.join(", ",
                    open.stream().map(item -> item.item().exercise().name()).toList()) + ".", "/today");
        }
        return decided;
    }

    private Optional<Boolean> morning(Person patient, LocalDate night, Instant noon) {
        String occasion = night.toString();
        if (decisions.decided(patient.id(), ReminderKind.MORNING, occasion)) {
            return Optional.empty();
        }
        boolean recorded = asPatient(patient, () -> diary.listNights(patient.id(), night, night)).stream()
                .anyMatch(NightSummary::recorded);
        String[] link = new String[1];
        Optional<Boolean> decided = decide(patient, ReminderKind.MORNING, occasion, recorded ? "ALREADY_RECORDED" : "SENT",
                () -> {
            String token = checkInLinks.create(patient.id(), night, noon);
            link[0] = "/check-in?t=" + token;
            EmailLayout body = EmailLayout.from(clinic.name()).greeting(Clinic.firstName(patient.name()))
                    .paragraph("Any cramps last night (" + clinic.longDay(night) + ")?")
                    .buttons("No cramps", portal.link("check-in?t=" + token), "I had cramps",
                            portal.link("diary/log"))
                    .paragraph("\"No cramps\" asks you to confirm, then records the night; it works until noon "
                            + "today. \"I had cramps\" opens the quick log after you sign in.");
            return email(patient, ReminderKind.MORNING, occasion, "Any cramps last night?", body).expiringAt(noon);
        });
        if (decided.orElse(false)) {
            // A tap opens the same one-press page as the email's "No cramps" (it asks before recording anything).
            push.notify(patient.id(), "Any cramps last night?", "Tap to answer: a night without cramps takes one press.", link[0]);
        }
        return decided;
    }

    private Optional<Boolean> nudge(Person patient, LocalDate today, Instant now) {
        String occasion = today.toString();
        if (decisions.decided(patient.id(), ReminderKind.NUDGE, occasion)) {
            return Optional.empty();
        }
        LocalDate firstQuietNight = today.minusDays(QUIET_NIGHTS);
        Optional<LocalDate> lastRecorded = asPatient(patient, () -> diary.lastRecordedNight(patient.id()));
        Optional<LocalDate> planStart = asPatient(patient, () -> plans.history(patient.id())).stream()
                .map(PlanVersionView::effectiveFrom).min(Comparator.naturalOrder());
        boolean quiet = lastRecorded.map(last -> last.isBefore(firstQuietNight)).orElse(true);
        boolean longEnough = planStart.map(start -> !start.isAfter(firstQuietNight)).orElse(false);
        boolean nudgedThisWeek = decisions.sentSince(patient.id(), ReminderKind.NUDGE, now.minus(Duration.ofDays(7)));
        String outcome = !longEnough ? "TOO_NEW" : !quiet ? "DIARY_KEPT" : nudgedThisWeek ? "NUDGED_THIS_WEEK" : "SENT";
        return decide(patient, ReminderKind.NUDGE, occasion, outcome, () -> {
            EmailLayout body = EmailLayout.from(clinic.name()).greeting(Clinic.firstName(patient.name()))
                    .paragraph("We have not seen your diary for a few nights. That's fine: life gets busy.")
                    .paragraph("When you have a moment, a quick \"no cramps\" or a cramp logged helps your physio "
                            + "see whether the stretches are working. It takes a few seconds.")
                    .button("Open my diary", portal.link("diary"));
            return email(patient, ReminderKind.NUDGE, occasion, "How have your nights been?", body);
        });
    }

    private OutgoingEmail email(Person patient, ReminderKind kind, String occasion, String subject, EmailLayout body) {
        body.unsubscribe(kind.inWords(), unsubscribe.pageLink(patient.id(), kind));
        return OutgoingEmail.of(kind.name(), patient.id(), patient.email(), subject, body.render())
                .unsubscribeAt(unsubscribe.oneClickLink(patient.id(), kind))
                .once(kind.name() + ":" + patient.id() + ":" + occasion);
    }

    /** Records the decision and, when it is to send, queues the email, in one transaction. */
    private Optional<Boolean> decide(Person patient, ReminderKind kind, String occasion, String outcome,
            Supplier<OutgoingEmail> email) {
        Boolean queued = transaction.execute(status -> {
            if (!decisions.decide(patient.id(), kind, occasion, outcome)) {
                return null;
            }
            return "SENT".equals(outcome) && outbox.enqueue(email.get());
        });
        return Optional.ofNullable(queued);
    }

    private <T> T asPatient(Person patient, Supplier<T> read) {
        List<T> result = new ArrayList<>(1);
        system.runAsAccount(patient.email(), () -> result.add(read.get()));
        return result.getFirst();
    }
}
