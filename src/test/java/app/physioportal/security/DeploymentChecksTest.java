package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** A real clinic's start is refused with an unsafe database password; the embedded database is private. */
class DeploymentChecksTest {

    private static MockEnvironment mariadb(String password) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.password", password);
        environment.setActiveProfiles("mariadb");
        return environment;
    }

    @Test
    void the_mariadb_profile_refuses_an_empty_or_published_database_password() {
        assertThatThrownBy(() -> DeploymentChecks.refuseUnsafeDatabasePassword(mariadb("")))
                .hasMessageContaining("DB_PASSWORD").hasMessageContaining("empty");
        assertThatThrownBy(() -> DeploymentChecks.refuseUnsafeDatabasePassword(mariadb("change-this-db-password")))
                .hasMessageContaining("published");
        assertThatCode(() -> DeploymentChecks.refuseUnsafeDatabasePassword(mariadb("a clinic's own secret 7")))
                .doesNotThrowAnyException();
        assertThatCode(() -> DeploymentChecks.refuseUnsafeDatabasePassword(new MockEnvironment()))
                .as("the embedded default has no database password").doesNotThrowAnyException();
    }

    @Test
    void the_embedded_database_folder_is_the_portals_own(@TempDir Path temp) throws Exception {
        Path folder = temp.resolve("data");
        DeploymentChecks.secureEmbeddedFolder("jdbc:h2:file:" + folder.resolve("physio-portal") + ";MODE=MariaDB");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");

        Path file = Files.writeString(folder.resolve("physio-portal.mv.db"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        DeploymentChecks.secureEmbeddedFolder("jdbc:h2:file:" + folder.resolve("physio-portal"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
