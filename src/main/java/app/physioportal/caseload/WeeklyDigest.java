package app.physioportal.caseload;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.JobLock;
import app.physioportal.base.PortalAddress;
import app.physioportal.caseload.CaseloadService.CaseloadRow;
import app.physioportal.clinic.Clinic;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.OutgoingEmail;
import app.physioportal.mail.Outbox;
import app.physioportal.reminders.ReminderKind;
import app.physioportal.reminders.ReminderLog;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.ReminderSettingsService;
import app.physioportal.reminders.Unsubscribe;
import app.physioportal.security.Directory;
import app.physioportal.security.Directory.Person;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monday 07:30 (clinic time): each physio who has not turned it off gets one email saying how many of their patients
 * need attention by the caseload's own rules (no diary lately, worse, low adherence, no plan). Counts only: the
 * names and reasons stay behind the sign-in, because email is not a safe place for who is a patient and why.
 */
@Component
public class WeeklyDigest {

    static final LocalTime AT = LocalTime.of(7, 30);

    private final CaseloadService caseload;
    private final Directory directory;
    private final ReminderSettingsService settings;
    private final ReminderLog decisions;
    private final Outbox outbox;
    private final Unsubscribe unsubscribe;
    private final SystemTasks system;
    private final Clinic clinic;
    private final Clock clock;
    private final PortalAddress portal;
    private final JobLock lock;
    private final TransactionTemplate transaction;
    private final AuditService audit;
    private final boolean enabled;

    WeeklyDigest(CaseloadService caseload, Directory directory, ReminderSettingsService settings, ReminderLog decisions,
            Outbox outbox, Unsubscribe unsubscribe, SystemTasks system, Clinic clinic, Clock clock,
            PortalAddress portal, JobLock lock, TransactionTemplate transaction, AuditService audit,
            @Value("${app.reminders.enabled:true}") boolean enabled) {
        this.audit = audit;
        this.caseload = caseload;
        this.directory = directory;
        this.settings = settings;
        this.decisions = decisions;
        this.outbox = outbox;
        this.unsubscribe = unsubscribe;
        this.system = system;
        this.clinic = clinic;
        this.clock = clock;
        this.portal = portal;
        this.lock = lock;
        this.transaction = transaction;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${app.reminders.every:60s}", initialDelayString = "${app.reminders.first-run:30s}")
    void tick() {
        if (enabled) {
            lock.runExclusively("weekly-digest", Duration.ofMinutes(10), this::runDue);
        }
    }

    /** Queues this week's digests if it is Monday morning at or after 07:30 (for up to 3 hours); returns how many. */
    public int runDue() {
        Instant now = clock.instant();
        LocalDate monday = LocalDate.ofInstant(now, clinic.zone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant due = ZonedDateTime.of(monday, AT, clinic.zone()).toInstant();
        if (now.isBefore(due) || !now.isBefore(due.plus(Duration.ofHours(3)))) {
            return 0;
        }
        List<Person> physios = directory.active(Role.PHYSIO);
        Map<Long, ReminderSettings> wanted = settings.forAccounts(physios.stream().map(Person::id).toList());
        int sent = 0;
        for (Person physio : physios) {
            String occasion = monday.toString();
            if (decisions.decided(physio.id(), ReminderKind.DIGEST, occasion)) {
                continue;
            }
            boolean on = wanted.get(physio.id()).weeklyDigest();
            List<CaseloadRow> rows = new ArrayList<>();
            if (on) {
                // Counts only leave the portal: no person opens these records, so none is logged as opened by the
                // physio ("Who has seen my record" stays true); the count itself is audited once below.
                system.runUnseenAs(physio.email(), "weekly digest", () -> rows.addAll(caseload.myCaseload()));
            }
            long needing = rows.stream().filter(r -> r.attention() > 0).count();
            long quiet = rows.stream().filter(CaseloadRow::stale).count();
            String outcome = !on ? "TURNED_OFF" : rows.isEmpty() ? "NO_PATIENTS" : "SENT";
            Boolean queued = transaction.execute(status -> {
                boolean mine = decisions.decide(physio.id(), ReminderKind.DIGEST, occasion, outcome);
                if (mine && "SENT".equals(outcome)) {
                    audit.recordAs("system:weekly-digest", AuditAction.CASELOAD_COUNTED, null, "caseload of "
                            + physio.email() + ": " + rows.size() + " patients, " + needing + " needing attention");
                    return outbox.enqueue(email(physio, rows.size(), needing, quiet, occasion));
                }
                return false;
            });
            if (Boolean.TRUE.equals(queued)) {
                sent++;
            }
        }
        return sent;
    }

    private OutgoingEmail email(Person physio, int patients, long needing, long quiet, String occasion) {
        String summary = needing == 0 ? "None of your " + patients + " patients needs attention this week."
                : needing + " of your " + patients + " patients " + (needing == 1 ? "needs" : "need")
                        + " attention this week" + (quiet > 0 ? " (" + quiet + " with no diary lately)" : "") + ".";
        EmailLayout body = EmailLayout.from(clinic.name()).greeting(Clinic.firstName(physio.name()))
                .paragraph(summary)
                .paragraph("Your caseload lists them first, with the reason.")
                .button("Open my caseload", portal.link("caseload"))
                .unsubscribe(ReminderKind.DIGEST.inWords(), unsubscribe.pageLink(physio.id(), ReminderKind.DIGEST));
        return OutgoingEmail.of("WEEKLY_DIGEST", physio.id(), physio.email(), "Your caseload this week", body.render())
                .unsubscribeAt(unsubscribe.oneClickLink(physio.id(), ReminderKind.DIGEST))
                .once("DIGEST:" + physio.id() + ":" + occasion);
    }
}
