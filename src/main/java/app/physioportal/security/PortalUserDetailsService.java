package app.physioportal.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortalUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    PortalUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return accounts.findByEmail(Account.normaliseEmail(username))
                .map(PortalUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
