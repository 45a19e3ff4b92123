package app.physioportal.booking;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names, email addresses and assignments of accounts, read straight from the account tables for display
 * and email. Only called after the caller's access to the patient has been checked.
 */
@Component
class People {

    record Person(long id, String name, String email) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    People(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> physioOf(long patientId) {
        return jdbc.queryForList("select physio_id from patient where account_id = :id",
                new MapSqlParameterSource("id", patientId), Long.class).stream().findFirst();
    }

    Person person(long id) {
        return byIds(java.util.List.of(id)).get(id);
    }

    Map<Long, Person> byIds(Collection<Long> ids) {
        Map<Long, Person> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query("select id, display_name, email from account where id in (:ids)",
                new MapSqlParameterSource("ids", ids),
                rs -> {
                    found.put(rs.getLong(1), new Person(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
        return found;
    }
}
