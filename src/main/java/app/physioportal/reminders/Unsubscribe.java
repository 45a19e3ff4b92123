package app.physioportal.reminders;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.LinkSigner;
import app.physioportal.base.PortalAddress;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click unsubscribe (RFC 8058) for one kind of reminder of one person, without signing in. The link carries the
 * account and the kind, signed: a link edited to name someone else, or another kind, fails the signature and
 * changes nothing. Using it twice is harmless.
 */
@Service
public class Unsubscribe {

    public enum Outcome { STOPPED, INVALID }

    /** What a valid link would stop, for the page that asks "Stop ...?". */
    public record Target(long accountId, ReminderKind kind) {
    }

    private final LinkSigner signer;
    private final PortalAddress portal;
    private final ReminderSettingsService settings;
    private final AuditService audit;

    Unsubscribe(LinkSigner signer, PortalAddress portal, ReminderSettingsService settings, AuditService audit) {
        this.signer = signer;
        this.portal = portal;
        this.settings = settings;
        this.audit = audit;
    }

    public String token(long accountId, ReminderKind kind) {
        return signer.sign("unsubscribe:" + accountId + ":" + kind.name());
    }

    /** The page a person opens from the email's footer. */
    public String pageLink(long accountId, ReminderKind kind) {
        return portal.link("unsubscribe?t=" + token(accountId, kind));
    }

    /** The address mail clients POST to (List-Unsubscribe). */
    public String oneClickLink(long accountId, ReminderKind kind) {
        return portal.link("unsubscribe/one-click?t=" + token(accountId, kind));
    }

    public Optional<Target> read(String token) {
        return signer.verify(token).flatMap(Unsubscribe::parse);
    }

    @Transactional
    public Outcome apply(String token) {
        Optional<Target> target = read(token);
        if (target.isEmpty()) {
            audit.recordAs("unsubscribe link", AuditAction.UNSUBSCRIBE_REFUSED, null, "link not valid");
            return Outcome.INVALID;
        }
        settings.turnOff(target.get().accountId(), target.get().kind());
        audit.recordAs("unsubscribe link", AuditAction.REMINDER_UNSUBSCRIBED, target.get().accountId(),
                target.get().kind().name().toLowerCase() + " off");
        return Outcome.STOPPED;
    }

    private static Optional<Target> parse(String value) {
        String[] parts = value.split(":");
        if (parts.length != 3 || !parts[0].equals("unsubscribe")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Target(Long.parseLong(parts[1]), ReminderKind.valueOf(parts[2])));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
