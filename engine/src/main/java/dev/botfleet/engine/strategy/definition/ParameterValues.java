package dev.botfleet.engine.strategy.definition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Converts one raw JSON value to its parameter's type and checks its range, recording a violation on failure. */
final class ParameterValues {
    private ParameterValues() {
    }

    static Object convert(ParameterDefinition p, Object value, List<ParameterViolation> violations) {
        return switch (p.type()) {
            case DECIMAL -> number(p, value, violations, false);
            case INTEGER -> number(p, value, violations, true);
            case BOOLEAN -> {
                if (value instanceof Boolean b) yield b;
                if ("true".equals(value) || "false".equals(value)) yield Boolean.valueOf((String) value);
                violations.add(new ParameterViolation(p.name(), "must be true or false", value));
                yield null;
            }
            case ENUM -> {
                String s = String.valueOf(value);
                if (p.options().contains(s)) yield s;
                violations.add(new ParameterViolation(p.name(), "must be one of " + String.join(", ", p.options()), value));
                yield null;
            }
            case STRING -> {
                if (value instanceof String s) yield s;
                violations.add(new ParameterViolation(p.name(), "must be text", value));
                yield null;
            }
            case JSON -> {
                if (value instanceof Map<?, ?> || value instanceof List<?>) yield value;
                violations.add(new ParameterViolation(p.name(), "must be a JSON object or list", value));
                yield null;
            }
        };
    }

    private static Object number(ParameterDefinition p, Object value, List<ParameterViolation> violations,
                                 boolean whole) {
        BigDecimal d;
        try {
            if (value instanceof BigDecimal b) d = b;
            else if (value instanceof Number n) d = new BigDecimal(n.toString());
            else if (value instanceof String s) d = new BigDecimal(s.trim());
            else throw new NumberFormatException();
        } catch (NumberFormatException e) {
            violations.add(new ParameterViolation(p.name(), whole ? "must be a whole number" : "must be a number", value));
            return null;
        }
        if (whole && d.stripTrailingZeros().scale() > 0) {
            violations.add(new ParameterViolation(p.name(), "must be a whole number", value));
            return null;
        }
        boolean belowMin = p.min() != null && (p.exclusiveMin() ? d.compareTo(p.min()) <= 0 : d.compareTo(p.min()) < 0);
        boolean aboveMax = p.max() != null && d.compareTo(p.max()) > 0;
        if (belowMin || aboveMax) {
            violations.add(new ParameterViolation(p.name(), "must be " + p.rangeText(), value));
            return null;
        }
        return whole ? (Object) d.longValueExact() : d;
    }
}
