package app.physioportal.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

@Entity
@Table(name = "account")
class Account {

    static final Duration ONE_TIME_PASSWORD_LIFETIME = Duration.ofHours(72);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, columnDefinition = "varchar(16)")
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Sessions signed in before this are ended at their next request (null: none ended). */
    @Column(name = "sessions_valid_from")
    private Instant sessionsValidFrom;

    /** Until when a one-time password from the admin works (null for a password the person chose). */
    @Column(name = "one_time_password_until")
    private Instant oneTimePasswordUntil;

    /** Invited and no password chosen yet: the stored hash is of a random secret nobody was told. */
    @Column(name = "invitation_pending", nullable = false)
    private boolean invitationPending;

    protected Account() {
    }

    Account(String email, String displayName, String passwordHash, boolean temporaryPassword, Role role,
            Instant createdAt) {
        this.email = normaliseEmail(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.mustChangePassword = temporaryPassword;
        this.oneTimePasswordUntil = temporaryPassword ? createdAt.plus(ONE_TIME_PASSWORD_LIFETIME) : null;
        this.role = role;
        this.createdAt = createdAt;
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** A new password hash; {@code temporary} ones work for 72 hours and must be replaced at the next sign-in. */
    void changePassword(String passwordHash, boolean temporary, Instant now) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = temporary;
        this.oneTimePasswordUntil = temporary ? now.plus(ONE_TIME_PASSWORD_LIFETIME) : null;
    }

    /** A patient invited by email: the hash is of a random secret nobody was told, until they choose a password. */
    static Account invited(String email, String displayName, String unknowableHash, Instant createdAt) {
        return invited(email, displayName, Role.PATIENT, unknowableHash, createdAt);
    }

    /** Someone invited by email (a patient, or a patient's helper), as {@link #invited(String, String, String, Instant)}. */
    static Account invited(String email, String displayName, Role role, String unknowableHash, Instant createdAt) {
        Account account = new Account(email, displayName, unknowableHash, false, role, createdAt);
        account.invitationPending = true;
        return account;
    }

    boolean isInvitationPending() {
        return invitationPending;
    }

    /** The owner chose their password through a link (an invitation or a reset): a password of their own. */
    void choosePassword(String passwordHash, Instant now) {
        changePassword(passwordHash, false, now);
        this.invitationPending = false;
    }

    void changeEmail(String email) {
        this.email = normaliseEmail(email);
    }

    /**
     * Whether the password is a one-time password past its time. One without a recorded end (set before ends
     * were recorded) counts as expired: the admin sets a new one.
     */
    boolean oneTimePasswordExpired(Instant now) {
        return mustChangePassword && (oneTimePasswordUntil == null || now.isAfter(oneTimePasswordUntil));
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    /** Every session signed in before {@code now} ends at its next request. */
    void endSessions(Instant now) {
        this.sessionsValidFrom = now;
    }
}
