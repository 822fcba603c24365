package dev.botfleet.engine.backtest.optimize;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * One searchable parameter. Values handed to the objective are {@link Integer} (IntDim), {@link Double} (RealDim)
 * or one of the categorical values as given.
 */
public sealed interface Dimension permits Dimension.IntDim, Dimension.RealDim, Dimension.CategoricalDim {
    String name();

    /** A uniformly drawn value. */
    Object sample(SplittableRandom random);

    /** Integers {@code lo..hi}, both inclusive. */
    record IntDim(String name, int lo, int hi) implements Dimension {
        public IntDim {
            requireName(name);
            if (lo > hi) throw new IllegalArgumentException(name + ": lo " + lo + " is above hi " + hi);
        }

        @Override
        public Object sample(SplittableRandom random) {
            return (int) (lo + random.nextLong((long) hi - lo + 1));
        }

        public long size() { return (long) hi - lo + 1; }
    }

    /**
     * Reals in {@code [lo, hi]}. With {@code decimals} the values are steps of 10^-decimals, exactly as Freqtrade's
     * SKDecimal: the bounds are truncated toward zero to that precision ({@code int(lo * 10^d)}) and a value is
     * {@code k / 10^d} for an integer k between them; without decimals the dimension is continuous.
     */
    record RealDim(String name, double lo, double hi, Integer decimals) implements Dimension {
        public RealDim {
            requireName(name);
            if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new IllegalArgumentException(name + ": lo and hi must be finite numbers, got " + lo + " and " + hi);
            }
            if (lo > hi) throw new IllegalArgumentException(name + ": lo " + lo + " is above hi " + hi);
            if (decimals != null) {
                if (decimals < 0 || decimals > 9) {
                    throw new IllegalArgumentException(name + ": decimals must be between 0 and 9, got " + decimals);
                }
            }
        }

        public RealDim(String name, double lo, double hi) { this(name, lo, hi, null); }

        public RealDim(String name, double lo, double hi, int decimals) { this(name, lo, hi, Integer.valueOf(decimals)); }

        public boolean discrete() { return decimals != null; }

        /** Lowest step index k (value = k / 10^decimals); decimal dimensions only. */
        public long lowStep() { return stepsLo(lo, decimals); }

        public long highStep() { return stepsHi(hi, decimals); }

        public double scale() { return Math.pow(10, decimals); }

        /** The value of step k: {@code k / 10^decimals}, as Freqtrade's {@code int(v) / pow_ten}. */
        public double valueOfStep(long k) { return k / scale(); }

        @Override
        public Object sample(SplittableRandom random) {
            if (!discrete()) return lo == hi ? lo : lo + random.nextDouble() * (hi - lo);
            return valueOfStep(lowStep() + random.nextLong(highStep() - lowStep() + 1));
        }

        // Python's int() truncates toward zero, and so does the (long) cast.
        private static long stepsLo(double lo, int decimals) { return (long) (lo * Math.pow(10, decimals)); }

        private static long stepsHi(double hi, int decimals) { return (long) (hi * Math.pow(10, decimals)); }
    }

    /** One of {@code values}; each must be a String, Boolean, Integer, Long or Double so a checkpoint can hold it. */
    record CategoricalDim(String name, List<Object> values) implements Dimension {
        public CategoricalDim {
            requireName(name);
            if (values == null || values.isEmpty()) throw new IllegalArgumentException(name + ": needs at least one value");
            for (Object v : values) {
                if (!(v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Double)) {
                    throw new IllegalArgumentException(name + ": value " + v + " is not a String, Boolean, Integer, Long or Double");
                }
            }
            values = List.copyOf(values);
        }

        public static CategoricalDim of(String name, Object... values) { return new CategoricalDim(name, List.of(values)); }

        @Override
        public Object sample(SplittableRandom random) { return values.get(random.nextInt(values.size())); }
    }

    private static void requireName(String name) {
        Objects.requireNonNull(name, "dimension name");
        if (name.isBlank()) throw new IllegalArgumentException("a dimension needs a name");
    }
}
