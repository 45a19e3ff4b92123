package app.physioportal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application against the test database: in-memory H2 by default, or the MariaDB named by
 * DB_URL/DB_USER/DB_PASSWORD when TEST_DB=mariadb. The demo clinic is seeded, so tests can sign in
 * as its accounts; tests share the context and database, so they assert relative to a known state.
 * Every test uses this one configuration (served on a random port), so the suite starts one Spring
 * context: Vaadin's security-context strategy is per context, and two contexts would split it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.class)
public @interface PortalTest {
}
