package app.physioportal.security;

import app.physioportal.Demo;
import app.physioportal.mail.Outboxes;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.security.AccountService.AccountForm;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fresh accounts for the tests of emailed links, each with an address of its own, and the token of a link as its
 * owner would find it: in the email queued for them.
 */
@Component
public class LinkFixtures {

    /** A patient invited by email who has not chosen a password yet. */
    public record Invited(long id, String email, String token, Invitations.Invitation invitation) {
    }

    /** A patient who signs in with {@link Demo#FIXTURE_PASSWORD}. */
    public record Person(long id, String email) {
    }

    private final PatientService patients;
    private final PlanFixtures plans;
    private final SystemTasks systemTasks;
    private final Outboxes outboxes;
    private final JdbcTemplate jdbc;

    LinkFixtures(PatientService patients, PlanFixtures plans, SystemTasks systemTasks, Outboxes outboxes,
            JdbcTemplate jdbc) {
        this.patients = patients;
        this.plans = plans;
        this.systemTasks = systemTasks;
        this.outboxes = outboxes;
        this.jdbc = jdbc;
    }

    public static String newEmail(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
    }

    public Invited invite(String name) {
        String email = newEmail("invited");
        long physio = plans.ensurePhysio();
        AtomicReference<Invitations.Invitation> sent = new AtomicReference<>();
        systemTasks.runAs("test", Role.ADMIN, () -> sent.set(patients.invite(
                new AccountForm(name, email, Role.PATIENT, physio, null))));
        return new Invited(sent.get().accountId(), email, outboxes.linkToken(email, "welcome"), sent.get());
    }

    public Person person() {
        var patient = plans.newPatient();
        return new Person(patient.id(), patient.email());
    }

    /** The newest link of this kind in an email to this address. */
    public String token(String email, String path) {
        return outboxes.linkToken(email, path);
    }

    public void asAdmin(Runnable work) {
        systemTasks.runAs("test", Role.ADMIN, work);
    }

    public void as(String email, Runnable work) {
        systemTasks.runAsAccount(email, work);
    }

    public String passwordHash(long accountId) {
        return jdbc.queryForObject("select password_hash from account where id = ?", String.class, accountId);
    }

    public int emailsTo(String recipient, String kind) {
        Integer count = jdbc.queryForObject("select count(*) from outbox_email where recipient = ? and kind = ?",
                Integer.class, recipient, kind);
        return count == null ? 0 : count;
    }

    public int audits(String action, String detailLike) {
        Integer count = jdbc.queryForObject("select count(*) from audit_event where action = ? and detail like ?",
                Integer.class, action, detailLike);
        return count == null ? 0 : count;
    }
}
