package app.physioportal.security;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who someone is, for showing and emailing: names and addresses, read by the module that owns the account
 * table. Callers check their access to the patient first; this answers without asking.
 */
@Service
public class Directory {

    public record Person(long id, String name, String email) {
    }

    private final AccountRepository accounts;

    Directory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Map<Long, Person> people(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findAllById(ids).stream()
                .map(a -> new Person(a.getId(), a.getDisplayName(), a.getEmail()))
                .collect(Collectors.toMap(Person::id, Function.identity()));
    }
}
