package dev.botfleet.server.common;

/** One refused input value, named by its JSON path (e.g. {@code config.sellPrice}). */
public record FieldViolation(String field, String message, Object rejectedValue) {
}
