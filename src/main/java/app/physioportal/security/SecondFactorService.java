package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The second factor: codes of an authenticator app (Totp) with ten one-time recovery codes for a lost phone.
 * Staff (physio, admin) must have one; patients may turn it on. Every code is accepted once only, on any
 * instance (the last accepted step is kept in the database); wrong codes are audited and count towards the
 * sign-in wait of that email and address; five wrong codes in one sign-in end it.
 */
@Service
public class SecondFactorService {

    /** How long someone who gave the password has to give the code. */
    public static final Duration TIME_TO_ANSWER = Duration.ofMinutes(10);
    public static final int RECOVERY_CODES = 10;
    static final int WRONG_CODES_PER_SIGN_IN = 5;
    private static final String ISSUER = "Physio Portal";
    private static final String WRONG_CODES = SecondFactorService.class.getName() + ".wrongCodes";
    private static final String CONFIRMED_AT = SecondFactorService.class.getName() + ".confirmedAt";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    /** A secret offered for enrolment: shown as a QR code and as text; stored only once a code from it is given. */
    public record Enrolment(String secret, String uri) {

        /** The secret in groups of four, easier to type into an app by hand. */
        public String grouped() {
            return secret.replaceAll("(.{4})(?=.)", "$1 ");
        }
    }

    /** What My account shows about a person's second factor. */
    public record Status(boolean enrolled, boolean app, int passkeys, @Nullable Instant since, int recoveryCodesLeft,
            boolean required) {
    }

    /** The result of a code given at sign-in. */
    public enum Outcome { SIGNED_IN, WRONG, TOO_MANY }

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final LoginLockout lockout;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts;

    SecondFactorService(JdbcTemplate jdbc, CurrentUser currentUser, AuditService audit, LoginLockout lockout,
            ApplicationEventPublisher events, Clock clock, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.lockout = lockout;
        this.events = events;
        this.clock = clock;
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Whether this person must give a second factor after the password: all staff, and patients and helpers who chose to. */
    boolean requiredFor(PortalUser user) {
        return user.role().isStaff() || enrolled(user.id());
    }

    /** An authenticator app or a passkey. */
    boolean enrolled(long accountId) {
        return hasApp(accountId) || passkeysOf(accountId) > 0;
    }

    private boolean hasApp(long accountId) {
        return count("select count(*) from second_factor where account_id = ?", accountId) > 0;
    }

    private int passkeysOf(long accountId) {
        return count("select count(*) from user_credentials c join user_entities u on u.id = c.user_entity_user_id "
                + "join account a on a.email = u.name where a.id = ?", accountId);
    }

    /** Whether the person signing in must first set up a second factor (staff who have none). */
    public boolean owesEnrolment() {
        return currentUser.owingSecondFactor().map(user -> !enrolled(user.id())).orElse(false);
    }

    /** A fresh secret for the person signing in or signed in; nothing is stored yet. */
    public Enrolment offer() {
        PortalUser user = signingInOrSignedIn();
        String secret = Totp.newSecret();
        return new Enrolment(secret, Totp.uri(secret, user.email(), ISSUER));
    }

    /**
     * Stores the offered secret once the app shows a matching code, replacing any earlier one, and returns ten new
     * recovery codes (shown once). Someone enrolling during sign-in is then signed in.
     */
    @Transactional
    public List<String> enrol(Enrolment offered, String code) {
        PortalUser user = signingInOrSignedIn();
        requireProofForChange(user);
        Instant now = clock.instant();
        var step = Totp.matchingStep(offered.secret(), code, now);
        if (step.isEmpty()) {
            audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_FAILED, patientIdOf(user), "enrolment code wrong");
            throw new InvalidInput("code", "That code does not match. Type the 6 digits the app shows now for "
                    + "Physio Portal; a new code comes every 30 seconds.");
        }
        jdbc.update("delete from second_factor where account_id = ?", user.id());
        jdbc.update("insert into second_factor (account_id, totp_secret, enrolled_at, last_step) values (?, ?, ?, ?)",
                user.id(), offered.secret(), utc(now), step.getAsLong());
        List<String> codes = newRecoveryCodes(user.id());
        audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_ENROLLED, patientIdOf(user), "authenticator app");
        events.publishEvent(new SecurityNotice(user.email(), user.displayName(), "Two-step sign-in set up",
                "An authenticator app was set up for signing in to Physio Portal, with new recovery codes."));
        completeSignInIfPending();
        return codes;
    }

    /**
     * Checks the code (from the app, or a recovery code) of the person who just gave their password. On success
     * they are signed in, with a new session id; after five wrong codes this sign-in ends.
     */
    @Transactional
    public Outcome answer(String code) {
        PortalUser user = currentUser.owingSecondFactor()
                .orElseThrow(() -> new IllegalStateException("No sign-in is waiting for a second factor"));
        String failure = check(user, code);
        if (failure == null) {
            completeSignInIfPending();
            return Outcome.SIGNED_IN;
        }
        return wrongAnswer(user);
    }

    /** A wrong code or passkey: counts towards the address's wait; the fifth in one sign-in ends it. */
    Outcome wrongAnswer(PortalUser user) {
        lockout.recordFailure(user.email(), clientAddress());
        HttpServletRequest request = request();
        int wrong = (request.getSession().getAttribute(WRONG_CODES) instanceof Integer n ? n : 0) + 1;
        request.getSession().setAttribute(WRONG_CODES, wrong);
        if (wrong >= WRONG_CODES_PER_SIGN_IN) {
            audit.recordAs(user.email(), AuditAction.SESSION_ENDED, patientIdOf(user),
                    WRONG_CODES_PER_SIGN_IN + " wrong second-factor codes");
            contexts.clearContext();
            request.getSession().invalidate();
            return Outcome.TOO_MANY;
        }
        return Outcome.WRONG;
    }

    /** Null when the code is right (and now used up); otherwise what was wrong, as audited. */
    private @Nullable String check(PortalUser user, String typed) {
        String code = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        String failure;
        if (code.matches("[a-z0-9]{5}-?[a-z0-9]{5}") && code.chars().anyMatch(Character::isLetter)) {
            failure = useRecoveryCode(user, code.replace("-", ""));
        } else {
            failure = useAppCode(user, code);
        }
        if (failure != null) {
            audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_FAILED, patientIdOf(user), failure);
        }
        return failure;
    }

    private @Nullable String useAppCode(PortalUser user, String code) {
        List<String> secrets = jdbc.queryForList("select totp_secret from second_factor where account_id = ?",
                String.class, user.id());
        if (secrets.isEmpty()) {
            return "no second factor enrolled";
        }
        var step = Totp.matchingStep(secrets.getFirst(), code, clock.instant());
        if (step.isEmpty()) {
            return "wrong code";
        }
        // Atomic across instances: of two requests with the same code, one moves last_step, the other finds it moved.
        int moved = jdbc.update("update second_factor set last_step = ? where account_id = ? "
                + "and (last_step is null or last_step < ?)", step.getAsLong(), user.id(), step.getAsLong());
        if (moved == 0) {
            return "code already used";
        }
        audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_PASSED, patientIdOf(user), "authenticator app");
        return null;
    }

    private @Nullable String useRecoveryCode(PortalUser user, String code) {
        int used = jdbc.update("update recovery_code set used_at = ? where account_id = ? and code_hash = ? "
                + "and used_at is null", utc(clock.instant()), user.id(), hash(code));
        if (used == 0) {
            return "recovery code wrong or already used";
        }
        int left = count("select count(*) from recovery_code where account_id = ? and used_at is null", user.id());
        audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_PASSED, patientIdOf(user),
                "recovery code, " + left + " left");
        events.publishEvent(new SecurityNotice(user.email(), user.displayName(), "A recovery code was used",
                "One of your recovery codes was used to sign in to Physio Portal. " + left + " are left."));
        return null;
    }

    /**
     * The demo clinic's staff share a published authenticator key (README, "Demo logins"), so a newcomer can sign
     * in as them. Only while the demo data is being seeded.
     */
    public void enrolDemoKey(long accountId, String secret) {
        if (!SystemTasks.isSeeding()) {
            throw new IllegalStateException("Only the demo data enrols a published key");
        }
        Totp.fromBase32(secret);
        jdbc.update("insert into second_factor (account_id, totp_secret, enrolled_at) values (?, ?, ?)", accountId,
                secret, utc(clock.instant()));
    }

    /** The signed-in person's second factor, for My account. */
    @Transactional(readOnly = true)
    public Status status() {
        PortalUser user = currentUser.require();
        List<LocalDateTime> since = jdbc.queryForList("select enrolled_at from second_factor where account_id = ?",
                LocalDateTime.class, user.id());
        int left = recoveryCodesLeft(user.id());
        int passkeys = passkeysOf(user.id());
        return new Status(!since.isEmpty() || passkeys > 0, !since.isEmpty(), passkeys,
                since.isEmpty() ? null : since.getFirst().toInstant(ZoneOffset.UTC), left, user.role().isStaff());
    }

    int recoveryCodesLeft(long accountId) {
        return count("select count(*) from recovery_code where account_id = ? and used_at is null", accountId);
    }

    List<String> newRecoveryCodesFor(PortalUser user) {
        return newRecoveryCodes(user.id());
    }

    /** Set by a passkey confirmation on My account: changes need no app code for five minutes. */
    void confirmedByPasskey() {
        request().getSession().setAttribute(CONFIRMED_AT, clock.instant());
    }

    /**
     * The signed-in person proves they hold their current factor (a code from the app, or a passkey confirmation
     * just made) before replacing or adding one: a stolen session alone cannot plant an attacker's factor.
     */
    @Transactional
    public void confirm(String appCode) {
        PortalUser user = currentUser.require();
        String failure = proof(user, appCode);
        if (failure != null) {
            audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_FAILED, patientIdOf(user), failure);
            throw new InvalidInput("code", "To change this, type the code your current app shows (or confirm with "
                    + "your passkey) first.");
        }
        request().getSession().setAttribute(CONFIRMED_AT, clock.instant());
    }

    private boolean recentlyConfirmed() {
        return request().getSession().getAttribute(CONFIRMED_AT) instanceof Instant at
                && !clock.instant().isAfter(at.plus(Duration.ofMinutes(5)));
    }

    /** Replacing or adding a factor of a signed-in person who has one needs a confirmation of the last five minutes. */
    void requireProofForChange(PortalUser user) {
        if (currentUser.owingSecondFactor().isPresent() || !enrolled(user.id())) {
            return;
        }
        if (!recentlyConfirmed()) {
            throw new InvalidInput("code", "To change this, type the code your current app shows (or confirm with "
                    + "your passkey) first.");
        }
    }

    /** A code from the app, or a passkey confirmation of the last five minutes; null when neither holds. */
    private @Nullable String proof(PortalUser user, @Nullable String appCode) {
        if (recentlyConfirmed()) {
            return null;
        }
        return useAppCode(user, appCode == null ? "" : appCode.strip());
    }

    /** Ten new recovery codes for the signed-in person; the old ones stop working. Needs a current app code. */
    @Transactional
    public List<String> renewRecoveryCodes(String appCode) {
        PortalUser user = currentUser.require();
        String failure = proof(user, appCode);
        if (failure != null) {
            audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_FAILED, patientIdOf(user), failure);
            throw new InvalidInput("code", "That code does not match the app (or was just used). Wait for the "
                    + "next code and try again, or confirm with your passkey.");
        }
        List<String> codes = newRecoveryCodes(user.id());
        audit.recordAs(user.email(), AuditAction.RECOVERY_CODES_RENEWED, patientIdOf(user), null);
        events.publishEvent(new SecurityNotice(user.email(), user.displayName(), "New recovery codes",
                "New recovery codes were made for your Physio Portal account; the old ones no longer work."));
        return codes;
    }

    /** A patient turns two-step sign-in off again; staff cannot. Needs a current app code. */
    @Transactional
    public void turnOff(String appCode) {
        PortalUser user = currentUser.require();
        if (user.role().isStaff()) {
            throw new InvalidInput("code", "Staff accounts always sign in in two steps.");
        }
        String failure = proof(user, appCode);
        if (failure != null) {
            audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_FAILED, user.id(), failure);
            throw new InvalidInput("code", "That code does not match the app (or was just used), or confirm with "
                    + "your passkey.");
        }
        remove(user.id());
        audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_REMOVED, user.id(), "by the patient");
        events.publishEvent(new SecurityNotice(user.email(), user.displayName(), "Two-step sign-in turned off",
                "Two-step sign-in was turned off for your Physio Portal account: the password alone signs in now."));
    }

    /**
     * The admin clears a lost second factor: the person sets up a new one at their next sign-in (staff) or signs
     * in with the password (patients). Their sessions end; they are told by email.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void reset(long accountId) {
        var account = jdbc.query("select email, display_name, role from account where id = ?",
                (rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, accountId);
        if (account.isEmpty()) {
            throw new IllegalArgumentException("No such account");
        }
        String[] who = account.getFirst();
        remove(accountId);
        jdbc.update("update account set sessions_valid_from = ? where id = ?", utc(SessionGuard.micros(clock.instant())),
                accountId);
        audit.record(AuditAction.SECOND_FACTOR_RESET, Role.PATIENT.name().equals(who[2]) ? accountId : null, who[0]);
        events.publishEvent(new SecurityNotice(who[0], who[1], "Two-step sign-in reset by the clinic",
                "The clinic cleared the authenticator app and passkeys of your Physio Portal account. "
                        + (!Role.valueOf(who[2]).isStaff() ? "You sign in with your password alone until you set "
                        + "it up again on My account." : "You will set up a new one at your next sign-in.")));
    }

    /** For the admin's account page: whether this account has an authenticator app set up. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean hasSecondFactor(long accountId) {
        return enrolled(accountId);
    }

    private void remove(long accountId) {
        jdbc.update("delete from recovery_code where account_id = ?", accountId);
        jdbc.update("delete from second_factor where account_id = ?", accountId);
        jdbc.update("delete from user_credentials where user_entity_user_id in (select u.id from user_entities u "
                + "join account a on a.email = u.name where a.id = ?)", accountId);
        jdbc.update("delete from user_entities where name = (select email from account where id = ?)", accountId);
    }

    private List<String> newRecoveryCodes(long accountId) {
        jdbc.update("delete from recovery_code where account_id = ?", accountId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            String plain = code.toString();
            jdbc.update("insert into recovery_code (account_id, code_hash) values (?, ?)", accountId, hash(plain));
            codes.add(plain.substring(0, 5) + "-" + plain.substring(5));
        }
        return codes;
    }

    /**
     * Turns the password-only sign-in of this session into a full one: the roles come into force, the session
     * gets a new id (the one an onlooker may have seen before the second factor is worth nothing).
     */
    void completeSignInIfPending() {
        Optional<PortalUser> pending = currentUser.owingSecondFactor();
        if (pending.isEmpty()) {
            return;
        }
        PortalUser user = pending.get();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contexts.setContext(context);
        HttpServletRequest request = request();
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse();
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        request.getSession().removeAttribute(WRONG_CODES);
        request.changeSessionId();
    }

    private PortalUser signingInOrSignedIn() {
        return currentUser.owingSecondFactor().or(currentUser::get)
                .orElseThrow(() -> new IllegalStateException("Not signed in"));
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static String clientAddress() {
        return request().getRemoteAddr();
    }

    private static @Nullable Long patientIdOf(PortalUser user) {
        return user.role() == Role.PATIENT ? user.id() : null;
    }

    private int count(String sql, long accountId) {
        Integer n = jdbc.queryForObject(sql, Integer.class, accountId);
        return n == null ? 0 : n;
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
