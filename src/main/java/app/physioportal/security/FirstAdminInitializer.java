package app.physioportal.security;

import app.physioportal.base.InvalidInput;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A real clinic's database starts with one admin whose email and password come from the
 * environment ({@code APP_FIRST_ADMIN_EMAIL}, {@code APP_FIRST_ADMIN_PASSWORD}) on first start.
 * There is no default password: without both variables no admin is created.
 */
@Component
@Order(20)
class FirstAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final AccountRepository accounts;
    private final AccountService accountService;
    private final SystemTasks systemTasks;
    private final String email;
    private final String password;

    FirstAdminInitializer(AccountRepository accounts, AccountService accountService, SystemTasks systemTasks,
            @Value("${app.first-admin.email:}") String email, @Value("${app.first-admin.password:}") String password) {
        this.accounts = accounts;
        this.accountService = accountService;
        this.systemTasks = systemTasks;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.existsByRole(Role.ADMIN)) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            log.warn("No admin account exists. Set APP_FIRST_ADMIN_EMAIL and APP_FIRST_ADMIN_PASSWORD "
                    + "(at least {} characters) and restart to create the first one.", AccountService.MIN_PASSWORD_LENGTH);
            return;
        }
        try {
            systemTasks.runAs("first-admin", Role.ADMIN, () -> accountService.createStaff(
                    new AccountService.NewAccount("Clinic administrator", email, Role.ADMIN, password)));
        } catch (ConstraintViolationException | InvalidInput problems) {
            String problem = "Refusing to start: cannot create the first admin from APP_FIRST_ADMIN_EMAIL and "
                    + "APP_FIRST_ADMIN_PASSWORD: " + problems.getMessage() + " (a valid email, and a password of at "
                    + "least " + AccountService.MIN_PASSWORD_LENGTH + " characters that is not a common one)";
            log.error(problem);
            throw new IllegalStateException(problem);
        }
        log.info("Created the first admin account {}", email);
    }
}
