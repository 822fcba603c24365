package dev.botfleet.engine.backtest.freqtrade;

import java.time.Duration;
import java.util.Arrays;

/**
 * A futures pair's funding: at each {@code time} (a multiple of {@code interval} since the epoch) the funding rate
 * and the mark price, Freqtrade's {@code combine_funding_and_mark} (the funding-rate and mark candles' opens, joined
 * on their dates: a date missing from either has no funding).
 *
 * @param interval Freqtrade's {@code funding_fee_timeframe} (8h on every exchange it supports): funding is looked at
 *                 on the candles whose time is a multiple of it, and at every fill
 */
public record FundingData(long[] time, double[] rate, double[] mark, Duration interval) {

    public FundingData {
        if (time.length != rate.length || time.length != mark.length) {
            throw new IllegalArgumentException("funding: times, rates and marks must have one entry per date");
        }
        if (interval == null || !interval.isPositive()) {
            throw new IllegalArgumentException("funding: the interval must be positive, was " + interval);
        }
        for (int i = 1; i < time.length; i++) {
            if (time[i] <= time[i - 1]) {
                throw new IllegalArgumentException("funding: dates must be strictly increasing");
            }
        }
    }

    /** Funding-rate rows and mark-price rows joined on their dates (an inner join, as Freqtrade's pandas merge). */
    public static FundingData join(long[] rateTimes, double[] rates, long[] markTimes, double[] marks,
                                   Duration interval) {
        int n = Math.min(rateTimes.length, markTimes.length);
        long[] t = new long[n];
        double[] rr = new double[n];
        double[] mm = new double[n];
        int k = 0;
        int j = 0;
        for (int i = 0; i < rateTimes.length; i++) {
            while (j < markTimes.length && markTimes[j] < rateTimes[i]) j++;
            if (j < markTimes.length && markTimes[j] == rateTimes[i]) {
                t[k] = rateTimes[i];
                rr[k] = rates[i];
                mm[k++] = marks[j];
            }
        }
        return new FundingData(Arrays.copyOf(t, k), Arrays.copyOf(rr, k), Arrays.copyOf(mm, k), interval);
    }

    public int size() {
        return time.length;
    }

    /**
     * Freqtrade's {@code calculate_funding_fees}: Σ rate × mark × amount over the dates in [{@code from}, {@code to}]
     * (both inclusive), negated for longs: a positive rate costs a long and pays a short. Summed in date order from
     * 0, as Python's {@code sum} does, so the float result is the same.
     */
    public double fees(double amount, boolean isShort, long from, long to) {
        int i = Arrays.binarySearch(time, from);
        if (i < 0) i = -i - 1;
        double fees = 0;
        for (; i < time.length && time[i] <= to; i++) {
            fees += rate[i] * mark[i] * amount;
        }
        if (Double.isNaN(fees)) fees = 0.0;
        return isShort ? fees : -fees;
    }

    /** True when {@code now} is a funding time (Freqtrade: {@code timestamp % funding_fee_timeframe_secs == 0}). */
    public boolean isFundingTime(long now) {
        return Math.floorMod(now, interval.toMillis()) == 0;
    }
}
