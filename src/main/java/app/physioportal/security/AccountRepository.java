package app.physioportal.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmail(String email);

    boolean existsByEmail(String email);

    boolean existsByRole(Role role);

    List<Account> findAllByEmailIn(Collection<String> emails);

    List<Account> findAllByOrderByRoleAscDisplayNameAsc();

    List<Account> findAllByRoleAndEnabledTrueOrderById(Role role);
}
