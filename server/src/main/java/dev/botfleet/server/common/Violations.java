package dev.botfleet.server.common;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one request so the client learns all of them at once, not one per round trip. */
public final class Violations {
    private final List<FieldViolation> list = new ArrayList<>();

    public Violations add(String field, String message, Object rejectedValue) {
        list.add(new FieldViolation(field, message, rejectedValue));
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int count() {
        return list.size();
    }

    public boolean has(String field) {
        return list.stream().anyMatch(v -> v.field().equals(field));
    }

    /** Throws {@link ApiException.Invalid} when anything was collected. */
    public void throwIfAny() {
        if (!list.isEmpty()) throw new ApiException.Invalid(list);
    }

    /** Required, trimmed, at most {@code maxLength} characters; returns the trimmed text or null when refused. */
    public String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required", value);
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters", value);
            return null;
        }
        return trimmed;
    }

    /** Parses one of an enum's names (exactly, upper case), naming the allowed values when it is not one. */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) add(field, "is required; one of " + names(type), value);
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) return e;
        }
        add(field, "must be one of " + names(type), value);
        return null;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
