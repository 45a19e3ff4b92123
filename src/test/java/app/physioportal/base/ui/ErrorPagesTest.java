package app.physioportal.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class ErrorPagesTest extends SpringBrowserlessTest {

    @Autowired
    Environment environment;

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_malformed_patient_address_is_simply_not_a_page() {
        navigate("patients/not-a-number", NotFoundView.class);
        navigate("patients/not-a-number/plan", NotFoundView.class);
        navigate("patients/99999999999999999999999/progress", NotFoundView.class);
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
    void sessions_end_after_30_idle_minutes_heartbeats_included() {
        assertThat(environment.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
        assertThat(environment.getProperty("vaadin.closeIdleSessions")).isEqualTo("true");
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
    }
}
