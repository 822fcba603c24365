package dev.botfleet.engine.backtest.optimize;

import dev.botfleet.engine.backtest.optimize.Dimension.CategoricalDim;
import dev.botfleet.engine.backtest.optimize.Dimension.IntDim;
import dev.botfleet.engine.backtest.optimize.Dimension.RealDim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every combination once, the last dimension varying fastest, then nothing more (the run stops early).
 * Real dimensions need {@code decimals} so they have finitely many values.
 */
public final class GridSampler implements Sampler {
    @Override
    public Optional<Map<String, Object>> propose(List<Dimension> space, int index, List<Trial> history, long seed) {
        if (index >= size(space).getAsLong()) return Optional.empty();
        Object[] picked = new Object[space.size()];
        long rest = index;
        for (int d = space.size() - 1; d >= 0; d--) {
            long n = valueCount(space.get(d));
            picked[d] = valueAt(space.get(d), rest % n);
            rest /= n;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int d = 0; d < space.size(); d++) params.put(space.get(d).name(), picked[d]);
        return Optional.of(params);
    }

    @Override
    public OptionalLong size(List<Dimension> space) {
        long size = 1;
        for (Dimension d : space) {
            try {
                size = Math.multiplyExact(size, valueCount(d));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("grid: more than " + Long.MAX_VALUE + " combinations", e);
            }
        }
        return OptionalLong.of(size);
    }

    private static long valueCount(Dimension d) {
        return switch (d) {
            case IntDim i -> i.size();
            case RealDim r -> {
                if (!r.discrete()) throw new IllegalArgumentException(r.name() + ": a grid needs decimals on a real dimension");
                yield r.highStep() - r.lowStep() + 1;
            }
            case CategoricalDim c -> c.values().size();
        };
    }

    private static Object valueAt(Dimension d, long k) {
        return switch (d) {
            case IntDim i -> (int) (i.lo() + k);
            case RealDim r -> r.valueOfStep(r.lowStep() + k);
            case CategoricalDim c -> c.values().get((int) k);
        };
    }

    @Override
    public String describe() { return "grid"; }
}
