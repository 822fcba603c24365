package dev.botfleet.engine.sim;

/**
 * How the simulated exchange fills orders. Shared by paper trading and backtests.
 *
 * @param fillOnTouch when true a resting limit fills as soon as the market trades <em>at</em> its price; when false
 *                    (the conservative default, as in Hummingbot's paper connector) the market must trade through it
 * @param marketSlippageTicks ticks a market order fills worse than the next trade price
 * @param volumeParticipation the share of each trade's size our orders may fill (0.5 = half); 0 means fills are not
 *                            limited by volume. With a limit, orders fill partially across trades.
 */
public record SimFillModel(boolean fillOnTouch, int marketSlippageTicks, double volumeParticipation) {

    public static final SimFillModel DEFAULT = new SimFillModel(false, 0, 0);

    public SimFillModel {
        if (marketSlippageTicks < 0) throw new IllegalArgumentException("marketSlippageTicks must be >= 0");
        if (volumeParticipation < 0 || volumeParticipation > 1) {
            throw new IllegalArgumentException("volumeParticipation must be within 0..1");
        }
    }

    public boolean volumeLimited() { return volumeParticipation > 0; }
}
