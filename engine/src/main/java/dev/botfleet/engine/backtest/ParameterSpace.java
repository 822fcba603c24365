package dev.botfleet.engine.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The values a sweep tries for each parameter, in insertion order. {@link #grid()} is every combination;
 * {@link #random} draws distinct combinations with a seeded generator (same seed, same draws).
 */
public final class ParameterSpace {
    private final Map<String, List<Object>> values = new LinkedHashMap<>();

    /** Tries exactly these values of {@code name}. */
    public ParameterSpace values(String name, List<?> candidates) {
        if (candidates.isEmpty()) throw new IllegalArgumentException(name + ": needs at least one value to try");
        values.put(name, List.copyOf(candidates));
        return this;
    }

    /** Tries {@code from}, {@code from + step}, ... up to and including {@code to} (exact decimals). */
    public ParameterSpace range(String name, BigDecimal from, BigDecimal to, BigDecimal step) {
        if (step.signum() <= 0) throw new IllegalArgumentException(name + ": step must be greater than 0");
        if (to.compareTo(from) < 0) throw new IllegalArgumentException(name + ": range end " + to + " is below its start " + from);
        List<Object> list = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
            list.add(v.stripTrailingZeros().scale() <= 0 ? (Object) v.longValueExact() : v);
            if (list.size() > 1_000_000) throw new IllegalArgumentException(name + ": more than a million values");
        }
        return values(name, list);
    }

    public Map<String, List<Object>> dimensions() { return java.util.Collections.unmodifiableMap(values); }

    public long size() {
        long n = 1;
        for (List<Object> v : values.values()) n = Math.multiplyExact(n, v.size());
        return n;
    }

    /** Every combination, the last parameter varying fastest. */
    public List<Map<String, Object>> grid() {
        long size = size();
        if (size > 10_000_000) throw new IllegalArgumentException("the grid has " + size + " combinations; use random search");
        List<Map<String, Object>> out = new ArrayList<>((int) size);
        for (long k = 0; k < size; k++) out.add(combination(k));
        return out;
    }

    /** {@code count} distinct combinations drawn uniformly (all of them if the grid is smaller). */
    public List<Map<String, Object>> random(int count, long seed) {
        long size = size();
        if (count >= size) return grid();
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> picked = new LinkedHashSet<>();
        while (picked.size() < count) picked.add(random.nextLong(size));
        List<Map<String, Object>> out = new ArrayList<>(count);
        for (long k : picked) out.add(combination(k));
        return out;
    }

    private Map<String, Object> combination(long k) {
        Map<String, Object> combo = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(values.keySet());
        long rest = k;
        Object[] picked = new Object[names.size()];
        for (int d = names.size() - 1; d >= 0; d--) {
            List<Object> v = values.get(names.get(d));
            picked[d] = v.get((int) (rest % v.size()));
            rest /= v.size();
        }
        for (int d = 0; d < names.size(); d++) combo.put(names.get(d), picked[d]);
        return combo;
    }
}
