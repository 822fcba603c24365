package dev.botfleet.engine.strategy.definition;

/**
 * Why one config value was refused. {@code field} is the parameter name as the user wrote it (e.g. "sellPrice").
 */
public record ParameterViolation(String field, String message, Object rejectedValue) {
}
