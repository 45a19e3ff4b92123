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

    /** Someone named in the audit trail by their email, with their role. */
    public record Member(String email, String name, Role role) {
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

    /** The accounts with these emails (the audit trail names people by email). */
    @Transactional(readOnly = true)
    public Map<String, Member> byEmail(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        return accounts.findAllByEmailIn(emails).stream()
                .map(a -> new Member(a.getEmail(), a.getDisplayName(), a.getRole()))
                .collect(Collectors.toMap(Member::email, Function.identity()));
    }

    /** Everyone with this role whose account is enabled: whom the scheduled reminders consider. */
    @Transactional(readOnly = true)
    public java.util.List<Person> active(Role role) {
        return accounts.findAllByRoleAndEnabledTrueOrderById(role).stream()
                .map(a -> new Person(a.getId(), a.getDisplayName(), a.getEmail())).toList();
    }
}
