package app.physioportal.security;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    PortalUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByEmail(Account.normaliseEmail(username))
                .map(account -> new PortalUser(account, SessionGuard.micros(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
