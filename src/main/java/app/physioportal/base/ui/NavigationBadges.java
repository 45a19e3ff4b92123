package app.physioportal.base.ui;

import java.util.Map;

/**
 * Counts a feature shows beside its entry in the navigation, e.g. unread messages: route path (no leading slash)
 * to count, for the person signed in. The shell asks every implementation after each navigation, knowing none.
 */
public interface NavigationBadges {

    Map<String, Integer> counts();
}
