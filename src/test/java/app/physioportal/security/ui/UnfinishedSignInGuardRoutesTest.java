package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;

/** The guard names its pages by route (FirstLoadTest says why); those routes are the pages' own. */
class UnfinishedSignInGuardRoutesTest {

    @Test
    void the_routes_the_guard_names_are_the_pages_routes() {
        assertThat(SecondFactorView.class.getAnnotation(Route.class).value())
                .isEqualTo(UnfinishedSignInGuard.SECOND_FACTOR);
        assertThat(AccountView.class.getAnnotation(Route.class).value()).isEqualTo(UnfinishedSignInGuard.ACCOUNT);
        assertThat(LoginView.class.getAnnotation(Route.class).value()).isEqualTo(UnfinishedSignInGuard.LOGIN);
    }
}
