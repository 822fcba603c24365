package dev.botfleet.engine.strategy;

/** How much of its {@link Warmup} a running bot has received: history at start, then live candles. */
public record WarmupProgress(int needed, int received) {
    public static final WarmupProgress NONE = new WarmupProgress(0, 0);

    public boolean ready() {
        return received >= needed;
    }
}
