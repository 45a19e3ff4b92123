package app.physioportal.diary;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets of chips stored as a comma-separated VARCHAR of enum names: portable, and readable in SQL. */
final class EnumSetConverters {

    private EnumSetConverters() {
    }

    static <E extends Enum<E>> String write(Set<E> values) {
        return values == null ? "" : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> read(String text, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(String::strip).forEach(name -> set.add(Enum.valueOf(type, name)));
        }
        return set;
    }

    @Converter
    static class Triggers implements AttributeConverter<Set<Trigger>, String> {
        @Override
        public String convertToDatabaseColumn(Set<Trigger> attribute) {
            return write(attribute);
        }

        @Override
        public Set<Trigger> convertToEntityAttribute(String dbData) {
            return read(dbData, Trigger.class);
        }
    }

    @Converter
    static class Reliefs implements AttributeConverter<Set<Relief>, String> {
        @Override
        public String convertToDatabaseColumn(Set<Relief> attribute) {
            return write(attribute);
        }

        @Override
        public Set<Relief> convertToEntityAttribute(String dbData) {
            return read(dbData, Relief.class);
        }
    }
}
