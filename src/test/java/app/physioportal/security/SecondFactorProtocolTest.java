package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.bench.load.VaadinClient;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The second step through Vaadin's own protocol, as the browser speaks it (the load benchmark's client): the
 * password leads to the second-factor page, the code to the role's home; a wrong code leaves the person there.
 */
@PortalTest
class SecondFactorProtocolTest {

    @LocalServerPort
    int port;

    private VaadinClient client() {
        return new VaadinClient(VaadinClient.newHttpClient(), URI.create("http://localhost:" + port + "/"));
    }

    @Test
    void a_physio_gives_the_code_and_lands_on_the_caseload() {
        VaadinClient physio = client();
        physio.useCodes(Demo::code);
        physio.signIn(Demo.PHYSIO2, Demo.PASSWORD);
        assertThat(physio.location()).isEqualTo("caseload");
        assertThat(physio.findById("caseload-list")).isPresent();
    }

    @Test
    void a_wrong_code_keeps_the_person_on_the_second_factor_page() {
        VaadinClient physio = client();
        physio.useCodes(email -> "000000");
        assertThatThrownBy(() -> physio.signIn(Demo.PHYSIO2, Demo.PASSWORD))
                .hasMessageContaining("second factor refused");
        assertThat(physio.location()).endsWith("second-factor");
        physio.navigate("caseload", "client");
        assertThat(physio.findById("caseload-list")).as("no way round it inside the app").isEmpty();
        assertThat(physio.findById("factor-code")).isPresent();
    }
}
