package app.physioportal.security;

import app.physioportal.audit.AuditService;
import app.physioportal.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    static final String ONE_CLICK_UNSUBSCRIBE = "/unsubscribe/one-click";
    /** The installable app's public files (src/main/resources/META-INF/resources). */
    static final String[] INSTALLABLE_APP_FILES = {"/manifest.webmanifest", "/service-worker.js", "/offline.html",
            "/favicon.ico", "/favicon.svg", "/icons/**"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuditService audit, Clock clock, JdbcTemplate jdbc,
            @Value("${app.security.login-attempts-per-address:30}") int attemptsPerAddress,
            @Value("${app.security.idle-timeout:30m}") Duration idleTimeout,
            @Value("${app.security.absolute-lifetime:12h}") Duration absoluteLifetime) throws Exception {
        // Load balancers and docker-compose probe health without signing in; it shows no details.
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness").permitAll());
        // RFC 8058 one-click unsubscribe: the mail provider POSTs without cookies or a CSRF token; the signed token in
        // the address is the whole authority, and it can only turn one kind of reminder off for one person.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, ONE_CLICK_UNSUBSCRIBE).permitAll()
                .requestMatchers(HttpMethod.GET, ONE_CLICK_UNSUBSCRIBE).permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(ONE_CLICK_UNSUBSCRIBE));
        // What installs the portal and what the service worker keeps: the manifest, the worker, the offline page
        // and the icons, readable signed out (a browser fetches the manifest and icons without the session cookie).
        // Vaadin already lets some of these through; all are listed so none depends on that. None holds any data.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(INSTALLABLE_APP_FILES).permitAll());
        // Content-Security-Policy and friends come from SecurityHeadersFilter, which also covers the pages
        // Vaadin serves outside this chain; here only the defaults, with framing denied.
        http.headers(headers -> headers.frameOptions(frame -> frame.deny()));
        http.addFilterBefore(new LoginThrottleFilter(audit, clock, attemptsPerAddress), UsernamePasswordAuthenticationFilter.class);
        // The sign-in form has no CSRF token: a sign-in posted from another site is refused by its origin.
        http.addFilterBefore(new LoginOriginFilter(audit), UsernamePasswordAuthenticationFilter.class);
        // A session left idle, too old, of a disabled account or from before a password change ends here.
        SessionGuard guard = new SessionGuard(jdbc, audit, clock, idleTimeout, absoluteLifetime);
        http.addFilterAfter(guard, SecurityContextHolderFilter.class);
        // Someone who gave the password but owes the second factor sees only the second-factor page.
        http.addFilterAfter(new SecondFactorGate(audit, clock), SessionGuard.class);
        // An address that matches no page reaches Vaadin once signed in, so a mistyped address shows the portal's
        // own "This page isn't available" inside the frame instead of the browser's bare 403; signed out, it asks
        // for sign-in like every other address.
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout")
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated))
                .build();
    }

    /**
     * The metrics endpoint has a chain of its own, ahead of the portal's: no session, no sign-in page, no CSRF (it
     * only reads); a scraper with METRICS_TOKEN gets the figures, anyone else a 401.
     */
    @Bean
    @Order(1)
    SecurityFilterChain metricsFilterChain(HttpSecurity http, @Value("${app.metrics.token:}") String token,
            ObjectProvider<SecurityContextHolderStrategy> strategy) throws Exception {
        SecurityContextHolderStrategy contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(MetricsTokenFilter.ROLE))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityConfig::askForToken)
                        .accessDeniedHandler((request, response, denied) -> askForToken(request, response, null)))
                .addFilterBefore(new MetricsTokenFilter(token, contexts), AuthorizationFilter.class);
        return http.build();
    }

    /** A bare 401 written here: a sendError would be dispatched to /error and answered by the sign-in redirect. */
    private static void askForToken(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, @org.jspecify.annotations.Nullable Exception cause)
            throws java.io.IOException {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("A metrics token is needed.\n");
    }

    @Bean
    LockoutAuthenticationProvider authenticationProvider(PortalUserDetailsService users, PasswordEncoder encoder,
            LoginLockout lockout, SecondFactorService secondFactors) {
        return new LockoutAuthenticationProvider(users, encoder, lockout, secondFactors);
    }

    /** Spring publishes no event for an exception it has no mapping for: the paused sign-in gets the locked one. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(Map.of(SignInPaused.class, AuthenticationFailureLockedEvent.class));
        return events;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
