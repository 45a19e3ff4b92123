package app.physioportal;

import org.springframework.test.context.ActiveProfilesResolver;

/** Chooses the engine the suite runs on from the TEST_DB environment variable (or -Dtest.db). */
public class TestDatabase implements ActiveProfilesResolver {

    public static boolean isMariaDb() {
        String fromEnv = System.getenv("TEST_DB");
        String chosen = fromEnv != null && !fromEnv.isBlank() ? fromEnv : System.getProperty("test.db", "h2");
        return "mariadb".equalsIgnoreCase(chosen.strip());
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return isMariaDb() ? new String[] {"mariadb", "test"} : new String[] {"test", "test-h2"};
    }
}
