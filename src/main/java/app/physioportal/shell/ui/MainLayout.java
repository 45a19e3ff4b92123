package app.physioportal.shell.ui;

import app.physioportal.base.DatabaseAway;
import app.physioportal.base.ui.DemoBanner;
import app.physioportal.base.ui.NavigationBadges;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import java.util.HashMap;
import java.util.Map;
import app.physioportal.security.Notices;

import app.physioportal.base.ui.ColourSchemeButton;
import app.physioportal.security.ActingFor;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;

/** The frame around every signed-in page: app name, the person signed in, and the pages their role may open. */
@Layout
@PermitAll
@JsModule("./a11y-patches.js")
@JsModule("./vaadin-icons-in-use.js")
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final List<NavigationBadges> badges;
    private final Map<String, Span> badgeSpans = new HashMap<>();
    private com.vaadin.flow.component.Component shownContent;

    public MainLayout(CurrentUser currentUser, ActingFor actingFor, AuthenticationContext authenticationContext,
            Notices notices, @Value("${app.demo-data:false}") boolean demo, List<NavigationBadges> badges) {
        this.badges = badges;
        setPrimarySection(Section.DRAWER);
        if (demo) {
            addToNavbar(DemoBanner.create());
        }
        Span title = new Span("Physio Portal");
        title.addClassName("navbar-title");
        Optional<PortalUser> signedIn = currentUser.get();
        if (signedIn.isEmpty()) {
            // Signed out, every address leads to the sign-in page; should an error page still be shown, offer the way in.
            Anchor signIn = new Anchor("login", "Sign in");
            signIn.setId("sign-in-link");
            signIn.addClassName("navbar-sign-in");
            addToNavbar(title, signIn);
            return;
        }
        PortalUser user = signedIn.get();

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");

        Avatar avatar = new Avatar(user.displayName());
        avatar.addClassName("navbar-avatar");
        Span who = new Span(user.displayName());
        who.setId("signed-in-name");
        who.addClassName("navbar-name");
        Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), e -> authenticationContext.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div userBox = new Div(avatar, who, new ColourSchemeButton(), signOut);
        userBox.addClassName("navbar-user");

        // While the database is away the frame is drawn without what it would read (whom a helper helps, notices,
        // badges), so the page inside can say that the records are not reachable.
        Optional<ActingFor.Subject> helping = user.role() == Role.HELPER
                ? DatabaseAway.orElseWhileAway(actingFor::subject, Optional.empty()) : Optional.empty();
        if (helping.isPresent()) {
            // Whose pages these are, on every page; a helper of several people switches on "People I help".
            Anchor whose = new Anchor("helping", "Helping " + helping.get().name());
            whose.setId("helping-whom");
            whose.addClassName("navbar-helping");
            addToNavbar(toggle, title, whose);
            if (helping.get().mayRecord()) {
                Button logCramp = new Button("Log a cramp", new Icon(VaadinIcon.PLUS),
                        e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("diary/log")));
                logCramp.setId("log-cramp-nav");
                logCramp.addClassName("navbar-log-cramp");
                logCramp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                addToNavbar(logCramp);
            }
            addToNavbar(userBox);
        } else if (user.role() == Role.PATIENT) {
            // The patient's main action, one tap from every page. By route name: the shell knows no feature.
            Button logCramp = new Button("Log a cramp", new Icon(VaadinIcon.PLUS),
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("diary/log")));
            logCramp.setId("log-cramp-nav");
            logCramp.addClassName("navbar-log-cramp");
            logCramp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            addToNavbar(toggle, title, logCramp, userBox);
        } else {
            addToNavbar(toggle, title, userBox);
        }

        List<String> unseen = DatabaseAway.orElseWhileAway(notices::takeUnseen, List.of());
        if (!unseen.isEmpty()) {
            addToNavbar(noticeBar(unseen));
        }

        Span brand = new Span("Physio Portal");
        brand.addClassName("drawer-brand");
        Span role = new Span(roleLabel(user));
        role.addClassName("drawer-role");
        Div drawerHeader = new Div(brand, role);
        drawerHeader.addClassName("drawer-header");
        // A helper whom nobody asks to help any more has only their list of people and their account.
        boolean nobodyToHelp = user.role() == Role.HELPER && helping.isEmpty();
        addToDrawer(drawerHeader, new Scroller(createNav(path -> !nobodyToHelp || path.equals("helping")
                || path.equals("account"))));
    }

    /** What changed for this person since they last signed in (e.g. a new physio), shown once. */
    private static Div noticeBar(List<String> texts) {
        Div bar = new Div();
        bar.setId("sign-in-notices");
        bar.addClassName("notice-bar");
        bar.getElement().setAttribute("role", "status");
        texts.forEach(text -> bar.add(new Span(text)));
        Button gotIt = new Button("Got it", e -> bar.setVisible(false));
        gotIt.setId("notices-got-it");
        gotIt.addThemeVariants(ButtonVariant.LUMO_SMALL);
        bar.add(gotIt);
        return bar;
    }

    private SideNav createNav(java.util.function.Predicate<String> shown) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!shown.test(entry.path().startsWith("/") ? entry.path().substring(1) : entry.path())) {
                continue;
            }
            SideNavItem item = entry.icon() == null
                    ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            Span badge = new Span();
            badge.addClassName("nav-badge");
            badge.setId("nav-badge-" + path.replace('/', '-'));
            badge.setVisible(false);
            item.setSuffixComponent(badge);
            badgeSpans.put(path, badge);
            nav.addItem(item);
        }
        return nav;
    }

    /** Unread counts and the like beside the navigation entries, fresh after every navigation. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // A new page starts at its top: the content area would otherwise keep the previous page's scroll.
        if (getContent() != null && getContent() != shownContent) {
            shownContent = getContent();
            shownContent.getElement().executeJs("this.scrollIntoView({block: 'start'})");
        }
        if (badgeSpans.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        badges.forEach(source -> counts.putAll(DatabaseAway.orElseWhileAway(source::counts, Map.of())));
        badgeSpans.forEach((path, badge) -> {
            int count = counts.getOrDefault(path, 0);
            badge.setVisible(count > 0);
            badge.setText(count > 99 ? "99+" : String.valueOf(count));
            badge.getElement().setAttribute("aria-label", count + " unread");
        });
    }

    private static String roleLabel(PortalUser user) {
        return switch (user.role()) {
            case PATIENT -> "Patient";
            case PHYSIO -> "Physiotherapist";
            case ADMIN -> "Clinic admin";
            case HELPER -> "Helper";
        };
    }
}
