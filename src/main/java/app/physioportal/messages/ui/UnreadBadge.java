package app.physioportal.messages.ui;

import app.physioportal.base.ui.NavigationBadges;
import app.physioportal.messages.MessageService;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.Role;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The unread count beside "Messages" in the navigation: the patient's own, or a physio's across their patients. */
@Component
class UnreadBadge implements NavigationBadges {

    private final MessageService messages;
    private final CurrentUser currentUser;

    UnreadBadge(MessageService messages, CurrentUser currentUser) {
        this.messages = messages;
        this.currentUser = currentUser;
    }

    @Override
    public Map<String, Integer> counts() {
        return currentUser.get().map(user -> switch (user.role()) {
            case PATIENT -> Map.of("messages", messages.myUnread());
            case PHYSIO -> Map.of("inbox", messages.myUnread());
            case ADMIN, HELPER -> Map.<String, Integer>of();
        }).orElse(Map.of());
    }
}
