package dev.botfleet.engine.market;

import java.time.Instant;

/** The best bid and ask of a market at {@code timestamp} (epoch milliseconds). */
public record Quote(String exchange, String symbol, long timestamp, double bid, double bidSize, double ask,
                    double askSize) {

    public double mid() { return (bid + ask) / 2; }

    public Instant time() { return Instant.ofEpochMilli(timestamp); }
}
