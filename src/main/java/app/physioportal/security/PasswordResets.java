package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot your password?": a single-use link, valid 30 minutes, to the address of the account, to choose a new
 * password; using it ends every session of the account and is told to the account by email.
 *
 * <p>The page answers the same way, in the same time, whether or not the address belongs to an account: the request
 * is answered before the address is looked up, and the looking up, the link and the email happen afterwards on a
 * worker thread. Requests are limited per client address (in memory, per instance: by default 10 in 15 minutes, then
 * the page asks that address to wait, whatever email it typed) and per account (in the database: by default 3 links
 * an hour; further requests send nothing). Both limits are audited.
 */
@Service
public class PasswordResets {

    public static final Duration LIFETIME = Duration.ofMinutes(30);
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);
    static final Duration ACCOUNT_WINDOW = Duration.ofHours(1);

    /** What the page says: the same for every email, unless this client address asked too often. */
    public enum Answer { SENT_IF_KNOWN, TOO_MANY_FROM_ADDRESS }

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResets.class);
    private static final int LONGEST_EMAIL = 254;

    private final AccountRepository accounts;
    private final AccountLinks links;
    private final AccountLinkEmails emails;
    private final LinkPasswords passwords;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SlidingWindow perAddress;
    private final int perAccount;
    /** One worker and a bounded queue: a flood of requests waits or is dropped (logged), it never takes the pool. */
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), Thread.ofPlatform().name("password-reset").daemon(true).factory(),
            (task, executor) -> LOG.warn("Password reset requests are queueing up; one was dropped"));

    PasswordResets(AccountRepository accounts, AccountLinks links, AccountLinkEmails emails, LinkPasswords passwords,
            AuditService audit, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions,
            @Value("${app.security.reset-requests-per-address:10}") int perAddress,
            @Value("${app.security.reset-links-per-account:3}") int perAccount) {
        this.accounts = accounts;
        this.links = links;
        this.emails = emails;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.perAddress = new SlidingWindow(ADDRESS_WINDOW, perAddress);
        this.perAccount = perAccount;
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    /**
     * Someone signed out asks for a reset link for {@code typedEmail} from {@code clientAddress}. Returns at once
     * with the same answer for every email; whether a link is sent is decided afterwards.
     */
    public Answer request(String typedEmail, String clientAddress) {
        SlidingWindow.Verdict verdict = perAddress.add(clientAddress, clock.instant());
        if (verdict == SlidingWindow.Verdict.FIRST_REFUSAL) {
            audit.recordAs("ip:" + clientAddress, AuditAction.PASSWORD_RESET_THROTTLED, null, perAddress.max()
                    + " reset requests within " + ADDRESS_WINDOW.toMinutes() + " minutes from this address");
        }
        if (verdict != SlidingWindow.Verdict.ALLOWED) {
            return Answer.TOO_MANY_FROM_ADDRESS;
        }
        String email = Account.normaliseEmail(typedEmail);
        worker.execute(() -> decide(email, clientAddress));
        return Answer.SENT_IF_KNOWN;
    }

    /** Looks the email up and sends a link if it is an enabled account's and under its limit; audits each outcome. */
    void decide(String email, String clientAddress) {
        String actor = email.isEmpty() ? "ip:" + clientAddress : email;
        try {
            transaction.executeWithoutResult(status -> {
                Optional<Account> found = email.isEmpty() || email.length() > LONGEST_EMAIL ? Optional.empty()
                        : accounts.findByEmail(email);
                if (found.isEmpty()) {
                    audit.recordAs(actor, AuditAction.PASSWORD_RESET_REQUESTED, null,
                            "from " + clientAddress + ": no such account, nothing sent");
                    return;
                }
                Account account = found.get();
                if (!account.isEnabled()) {
                    audit.recordAs(actor, AuditAction.PASSWORD_RESET_REQUESTED, patientId(account),
                            "from " + clientAddress + ": account disabled, nothing sent");
                    return;
                }
                Instant now = SessionGuard.micros(clock.instant());
                if (links.issuedSince(account.getId(), AccountLinks.Purpose.PASSWORD_RESET, now.minus(ACCOUNT_WINDOW))
                        >= perAccount) {
                    audit.recordAs(actor, AuditAction.PASSWORD_RESET_THROTTLED, patientId(account), "from "
                            + clientAddress + ": " + perAccount + " links within the hour already, nothing sent");
                    return;
                }
                issue(account, actor, "asked for from " + clientAddress);
            });
        } catch (RuntimeException failed) {
            LOG.warn("A password reset request could not be handled", failed);
        }
    }

    /** The clinic sends the person a reset link (for someone who phoned, say); the clinic never sees a password. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Instant sendLink(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalArgumentException("No such account"));
        if (!account.isEnabled()) {
            throw new InvalidInput("reset", "The account is disabled. Enable it first.");
        }
        return issue(account, null, "sent by the clinic");
    }

    private Instant issue(Account account, @Nullable String actor, String how) {
        Instant expiresAt = SessionGuard.micros(clock.instant()).plus(LIFETIME);
        String token = links.issue(AccountLinks.Purpose.PASSWORD_RESET, account.getId(), null, expiresAt);
        emails.passwordReset(account, token, expiresAt);
        String detail = "link " + how + ", to " + account.getEmail();
        if (actor == null) {
            audit.record(AuditAction.PASSWORD_RESET_REQUESTED, patientId(account), detail);
        } else {
            audit.recordAs(actor, AuditAction.PASSWORD_RESET_REQUESTED, patientId(account), detail);
        }
        return expiresAt;
    }

    /** What the reset page shows before the new password is chosen. Changes nothing. */
    @Transactional(readOnly = true)
    public LinkPreview preview(String token) {
        return links.preview(AccountLinks.Purpose.PASSWORD_RESET, token);
    }

    /**
     * Sets the new password (the portal's policy; refused at the field "password", and the link stays unused), ends
     * every session of the account, cancels its other links and emails a notice. A used, expired, revoked or unknown
     * link is refused, audited, and changes nothing.
     */
    @Transactional
    public LinkPreview reset(String token, String newPassword) {
        return links.use(AccountLinks.Purpose.PASSWORD_RESET, token, (link, account) -> {
            passwords.set(account, newPassword);
            links.revokeOutstanding(account.getId());
            audit.recordAs(account.getEmail(), AuditAction.PASSWORD_RESET_WITH_LINK, patientId(account),
                    "with link " + link.id() + "; every session ended");
            events.publishEvent(new SecurityNotice(account.getEmail(), account.getDisplayName(),
                    "Your password was reset", "The password of your Physio Portal account was reset with a link "
                    + "sent to this address, and every device was signed out."));
            return LinkState.DONE;
        });
    }

    private static @Nullable Long patientId(Account account) {
        return account.getRole() == Role.PATIENT ? account.getId() : null;
    }
}
