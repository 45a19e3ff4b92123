package app.physioportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The year-long cache for hashed build files, whatever Vaadin's file server sets. (The suite runs Vaadin in
 * development mode, which has no /VAADIN/build; the production jar was checked by hand, see the README.)
 */
class BuildFileCachingTest {

    private static MockHttpServletResponse serve(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new BuildFileCaching().doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse res) {
                // As Vaadin's StaticFileServer does for build files.
                res.setHeader("Cache-Control", "max-age=3600");
                res.setContentType("text/javascript");
            }
        }));
        return response;
    }

    @Test
    void a_hashed_build_file_is_kept_for_a_year_and_never_revalidated() throws Exception {
        assertThat(serve("/VAADIN/build/indexhtml-egdKM0nP.js").getHeader("Cache-Control"))
                .isEqualTo("public, max-age=31536000, immutable");
        assertThat(serve("/VAADIN/build/FlowBootstrap-Dx3_k9-a.js").getHeader("Cache-Control"))
                .isEqualTo(BuildFileCaching.FOREVER);
    }

    @Test
    void pages_uidl_and_unhashed_files_keep_what_the_server_says() throws Exception {
        for (String path : new String[] {"/today", "/VAADIN/build/sw.js", "/styles.css", "/VAADIN/build/",
                "/login"}) {
            assertThat(serve(path).getHeader("Cache-Control")).as(path).isEqualTo("max-age=3600");
        }
    }
}
