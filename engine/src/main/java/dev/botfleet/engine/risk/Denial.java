package dev.botfleet.engine.risk;

/** A local refusal: the typed reason for code and a plain-words message for people. */
public record Denial(DenialReason reason, String message) {
}
