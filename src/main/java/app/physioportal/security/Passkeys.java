package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys (WebAuthn) as the second factor: the phone's or computer's screen lock, or a security key, instead
 * of typing a code. The ceremonies and their checks are Spring Security's (webauthn4j underneath); the portal
 * keeps the public keys in its database and decides what a passkey opens: the same as a code from the app.
 * The relying party is the portal's own host name (or app.security.passkey-rp-id), the allowed origin the
 * address the person is using (or app.security.passkey-origins).
 */
@Service
public class Passkeys {

    /** A ceremony in progress: what the browser is asked (JSON) and what the server checks the answer against. */
    public record Ceremony(Object options, String json) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcPublicKeyCredentialUserEntityRepository userEntities;
    private final JdbcUserCredentialRepository credentials;
    private final SecondFactorService secondFactors;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final SecurityContextHolderStrategy contexts;
    private final String rpId;
    private final Set<String> origins;
    private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

    Passkeys(JdbcTemplate jdbc, SecondFactorService secondFactors, CurrentUser currentUser, AuditService audit,
            ApplicationEventPublisher events, ObjectProvider<SecurityContextHolderStrategy> strategy,
            @Value("${app.security.passkey-rp-id:}") String rpId,
            @Value("${app.security.passkey-origins:}") String origins) {
        this.jdbc = jdbc;
        this.userEntities = new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
        this.credentials = new JdbcUserCredentialRepository(jdbc);
        this.secondFactors = secondFactors;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.rpId = rpId.strip();
        this.origins = Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The passkeys of the signed-in person (or the one signing in). */
    public int count() {
        return count(signingInOrSignedIn().email());
    }

    int count(String email) {
        Integer n = jdbc.queryForObject("select count(*) from user_credentials c join user_entities u "
                + "on u.id = c.user_entity_user_id where u.name = ?", Integer.class, email);
        return n == null ? 0 : n;
    }

    /** Asks the browser to make a passkey for the person signing in or signed in. */
    public Ceremony startRegistration() {
        secondFactors.requireProofForChange(signingInOrSignedIn());
        PublicKeyCredentialCreationOptions options = relyingParty().createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(authentication()));
        return new Ceremony(options, json.writeValueAsString(options));
    }

    /**
     * Checks and stores the passkey the browser made. Returns new recovery codes when the person had none (shown
     * once). Someone setting it up during sign-in is then signed in.
     */
    @Transactional
    public List<String> finishRegistration(Ceremony ceremony, String credentialJson, String label) {
        PortalUser user = signingInOrSignedIn();
        secondFactors.requireProofForChange(user);
        try {
            PublicKeyCredential<AuthenticatorAttestationResponse> credential = json.readValue(credentialJson,
                    new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>>() { });
            relyingParty().registerCredential(new ImmutableRelyingPartyRegistrationRequest(
                    (PublicKeyCredentialCreationOptions) ceremony.options(),
                    new RelyingPartyPublicKey(credential, label.isBlank() ? "Passkey" : label.strip())));
        } catch (RuntimeException refused) {
            audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_FAILED, patientIdOf(user),
                    "passkey registration refused: " + refused.getClass().getSimpleName());
            throw new InvalidInput("passkey", "That passkey could not be checked, so nothing was saved. Try again, "
                    + "or use an authenticator app.");
        }
        audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_ENROLLED, patientIdOf(user), "passkey");
        events.publishEvent(new SecurityNotice(user.email(), user.displayName(), "A passkey was added",
                "A passkey was added for signing in to Physio Portal."));
        List<String> codes = secondFactors.recoveryCodesLeft(user.id()) == 0 ? secondFactors.newRecoveryCodesFor(user)
                : List.of();
        secondFactors.completeSignInIfPending();
        return codes;
    }

    /** Asks the browser for a passkey of the person signing in (or, to confirm a change, signed in). */
    public Ceremony startCheck() {
        signingInOrSignedIn();
        PublicKeyCredentialRequestOptions options = relyingParty().createCredentialRequestOptions(
                new ImmutablePublicKeyCredentialRequestOptionsRequest(authentication()));
        return new Ceremony(options, json.writeValueAsString(options));
    }

    /** Checks the passkey's answer; the same outcomes as a code, and a wrong answer counts as a wrong code. */
    @Transactional
    public SecondFactorService.Outcome finishSignIn(Ceremony ceremony, String assertionJson) {
        PortalUser user = currentUser.owingSecondFactor()
                .orElseThrow(() -> new IllegalStateException("No sign-in is waiting"));
        String failure = check(user, ceremony, assertionJson);
        if (failure == null) {
            audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_PASSED, patientIdOf(user), "passkey");
            secondFactors.completeSignInIfPending();
            return SecondFactorService.Outcome.SIGNED_IN;
        }
        audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_FAILED, patientIdOf(user), failure);
        return secondFactors.wrongAnswer(user);
    }

    /**
     * The signed-in person confirms a change of their two-step settings with a passkey (instead of an app's code);
     * it counts for five minutes in this session.
     */
    @Transactional
    public void confirm(Ceremony ceremony, String assertionJson) {
        PortalUser user = currentUser.require();
        String failure = check(user, ceremony, assertionJson);
        if (failure != null) {
            audit.recordAs(user.email(), AuditAction.SECOND_FACTOR_FAILED, patientIdOf(user), failure);
            throw new InvalidInput("code", "That passkey could not be checked. Try again, or type a code.");
        }
        secondFactors.confirmedByPasskey();
    }

    /** Null when the answer is a valid passkey of this person (its counter moves on); otherwise what was wrong. */
    private @Nullable String check(PortalUser user, Ceremony ceremony, String assertionJson) {
        try {
            PublicKeyCredential<AuthenticatorAssertionResponse> assertion = json.readValue(assertionJson,
                    new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() { });
            var owner = relyingParty().authenticate(new RelyingPartyAuthenticationRequest(
                    (PublicKeyCredentialRequestOptions) ceremony.options(), assertion));
            return user.email().equals(owner.getName()) ? null : "passkey of another account";
        } catch (RuntimeException refused) {
            return "passkey refused: " + refused.getClass().getSimpleName();
        }
    }

    private WebAuthnRelyingPartyOperations relyingParty() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String id = rpId.isEmpty() ? request.getServerName() : rpId;
        Set<String> allowed = origins.isEmpty() ? Set.of(originOf(request)) : origins;
        return new Webauthn4JRelyingPartyOperations(userEntities, credentials,
                PublicKeyCredentialRpEntity.builder().id(id).name("Physio Portal").build(), allowed);
    }

    /** The address the browser is on, as it reports it in the passkey's answer (behind a proxy: the forwarded one). */
    static String originOf(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private Authentication authentication() {
        return contexts.getContext().getAuthentication();
    }

    private PortalUser signingInOrSignedIn() {
        return currentUser.owingSecondFactor().or(currentUser::get)
                .orElseThrow(() -> new IllegalStateException("Not signed in"));
    }

    private static @Nullable Long patientIdOf(PortalUser user) {
        return user.role() == Role.PATIENT ? user.id() : null;
    }
}
