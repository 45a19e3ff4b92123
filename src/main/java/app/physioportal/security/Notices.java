package app.physioportal.security;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Words for a person at their next sign-in, shown once: something changed about their account or record that
 * they should hear of even if they missed the email (a new physio, for one). Never clinical content.
 */
@Service
public class Notices {

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    Notices(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Leaves a notice for an account, in the caller's transaction. */
    @Transactional
    public void post(long accountId, String text) {
        jdbc.update("insert into notice (account_id, text, created_at) values (?, ?, ?)", accountId,
                text.length() > 500 ? text.substring(0, 500) : text, LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }

    /** The signed-in person's notices not yet shown, oldest first; from now on they count as seen. */
    @Transactional
    public List<String> takeUnseen() {
        return currentUser.get().map(user -> {
            List<String> texts = jdbc.queryForList("select text from notice where account_id = ? and seen_at is null "
                    + "order by id", String.class, user.id());
            if (!texts.isEmpty()) {
                jdbc.update("update notice set seen_at = ? where account_id = ? and seen_at is null",
                        LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), user.id());
            }
            return texts;
        }).orElse(List.of());
    }
}
