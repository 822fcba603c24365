package dev.botfleet.engine.strategy.definition;

/** The kinds of value a strategy parameter can take; the dashboard picks its input widget from this. */
public enum ParameterType {
    /** An exact decimal: prices, quantities, percentages. */
    DECIMAL,
    /** A whole number: counts, periods. */
    INTEGER,
    BOOLEAN,
    /** One of {@link ParameterDefinition#options()}. */
    ENUM,
    STRING,
    /** Structured JSON (lists or objects), e.g. take-profit steps or rule trees; checked by the strategy's own rules. */
    JSON
}
