package dev.botfleet.server.backtest.config;

/**
 * One refused key of a configuration.
 *
 * @param path    the key's JSON path as Freqtrade users write it: {@code unfilledtimeout.unit}, {@code pairlists[0].method}
 * @param message what is wrong and what would be accepted
 */
public record ConfigProblem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
