package app.physioportal.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person as the rest of the portal sees them: their account id, name and role. */
public final class PortalUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String email;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final boolean oneTimePasswordExpired;
    private final Instant signedInAt;
    private String passwordHash;

    PortalUser(Account account, Instant signedInAt) {
        this.signedInAt = signedInAt;
        this.id = account.getId();
        this.email = account.getEmail();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
        this.enabled = account.isEnabled();
        this.mustChangePassword = account.isMustChangePassword();
        this.oneTimePasswordExpired = account.oneTimePasswordExpired(signedInAt);
        this.passwordHash = account.getPasswordHash();
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** When this sign-in happened: the account's sessions from before a password change or reset end. */
    public Instant signedInAt() {
        return signedInAt;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** An expired one-time password signs nobody in (Spring refuses it after checking the password). */
    @Override
    public boolean isCredentialsNonExpired() {
        return !oneTimePasswordExpired;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalUser user && user.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "PortalUser[" + id + ", " + role + "]";
    }
}
