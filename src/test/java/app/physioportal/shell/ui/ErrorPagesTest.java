package app.physioportal.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class ErrorPagesTest extends SpringBrowserlessTest {

    @Autowired
    Environment environment;

    @Autowired
    DemoIds ids;

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_malformed_patient_address_is_simply_not_a_page() {
        navigate("patients/not-a-number", NotFoundView.class);
        navigate("patients/not-a-number/plan", NotFoundView.class);
        navigate("patients/99999999999999999999999/progress", NotFoundView.class);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_mistyped_address_keeps_the_frame_and_the_one_button_a_patient_came_for() {
        navigate("diray", NotFoundView.class);
        assertThat(find(Button.class).id("log-cramp-nav").getText()).isEqualTo("Log a cramp");
        assertThat(find(Button.class).id("sign-out").isVisible()).isTrue();
        assertThat(find(SideNav.class).id("main-nav")).isNotNull();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void another_physios_patient_is_refused_inside_the_frame() {
        navigate("patients/" + ids.idOf(Demo.PATIENT1), AccessDeniedView.class);
        assertThat(find(Button.class).id("sign-out").isVisible()).isTrue();
        assertThat(find(SideNav.class).id("main-nav")).isNotNull();
    }

    @Test
    void someone_not_signed_in_who_mistypes_an_address_is_offered_the_sign_in_and_nothing_else() {
        navigate("diray", NotFoundView.class);
        assertThat(find(Anchor.class).id("sign-in-link").getHref()).isEqualTo("login");
        assertThat(find(SideNav.class).all()).isEmpty();
        assertThat(find(Button.class).all()).extracting(b -> b.getId().orElse("")).doesNotContain("sign-out", "log-cramp-nav");
    }

    @Test
    void the_internal_error_page_gives_a_reference_instead_of_a_stack_trace() {
        var view = new InternalErrorView();
        view.setErrorParameter(null, new com.vaadin.flow.router.ErrorParameter<>(Exception.class,
                new IllegalStateException("select * from secrets")));
        Paragraph reference = (Paragraph) view.getChildren().filter(c -> "error-reference".equals(c.getId().orElse("")))
                .findFirst().orElseThrow();
        assertThat(reference.getText()).matches(".*reference: [A-Z2-9]{8}");
        assertThat(view.getElement().getOuterHTML()).doesNotContain("secrets").doesNotContain("IllegalStateException");
    }

    @Test
    void sign_ins_end_after_30_minutes_unused_and_after_12_hours_at_most() {
        assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
        assertThat(environment.getProperty("app.security.idle-timeout")).isEqualTo("30m");
        assertThat(environment.getProperty("app.security.absolute-lifetime")).isEqualTo("12h");
        assertThat(environment.getProperty("vaadin.closeIdleSessions")).isEqualTo("true");
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
    }
}
