package app.physioportal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Secure by default, checked before anything touches the database: a real clinic's start (profile mariadb) is
 * refused with an empty or published database password, or a first-admin password the password policy refuses;
 * the embedded database's folder is made readable by the portal's own user only.
 */
@Configuration
class DeploymentChecks {

    private static final Logger log = LoggerFactory.getLogger(DeploymentChecks.class);
    /** Passwords published in this repository or its compose file: a database with one of these is anyone's. */
    static final Set<String> PUBLISHED = Set.of("change-this-db-password", "change-this-root-password",
            "physio_portal", "password", "root", "changeme", "change-me", "secret");
    private static final Pattern H2_FILE = Pattern.compile("^jdbc:h2:file:([^;]+)");

    @Bean
    static BeanFactoryPostProcessor deploymentCheck(Environment environment) {
        return factory -> {
            refuseUnsafeDatabasePassword(environment);
            secureEmbeddedFolder(environment.getProperty("spring.datasource.url", ""));
        };
    }

    static void refuseUnsafeDatabasePassword(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("mariadb"))) {
            return;
        }
        String password = environment.getProperty("spring.datasource.password", "");
        if (password.isBlank() || PUBLISHED.contains(password.strip().toLowerCase(java.util.Locale.ROOT))) {
            String problem = "Refusing to start: the database password (DB_PASSWORD) is "
                    + (password.isBlank() ? "empty" : "one published with the portal")
                    + ". Set DB_PASSWORD to the database user's own password (README, Running a real clinic).";
            log.error(problem);
            throw new IllegalStateException(problem);
        }
    }

    /** The embedded database holds health data: its folder is the portal's own (rwx------), the files in it rw-------. */
    static void secureEmbeddedFolder(String url) {
        Matcher file = H2_FILE.matcher(url);
        if (!file.find()) {
            return;
        }
        Path folder = Path.of(file.group(1)).toAbsolutePath().getParent();
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
            }
            if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                return;
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path each : files.toList()) {
                    if (Files.isRegularFile(each)) {
                        Files.setPosixFilePermissions(each, Set.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE));
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException failed) {
            log.warn("Could not make the embedded database folder {} private: {}", folder, failed.getMessage());
        }
    }
}
