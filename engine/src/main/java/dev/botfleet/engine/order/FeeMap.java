package dev.botfleet.engine.order;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Fees per currency, in the order they were first charged, immutable. An order or a position replaces its map with
 * {@link #plus} on each fee, so the snapshots taken of it can share the map instead of copying it ({@link #frozen}):
 * a backtest takes several snapshots per order, thousands of orders per run. Usually one or two entries, so the
 * entries are two small arrays searched in order.
 */
public final class FeeMap extends AbstractMap<String, BigDecimal> {
    private static final FeeMap EMPTY = new FeeMap(new String[0], new BigDecimal[0]);

    private final String[] currencies;
    private final BigDecimal[] amounts;

    private FeeMap(String[] currencies, BigDecimal[] amounts) {
        this.currencies = currencies;
        this.amounts = amounts;
    }

    /**
     * {@code fees} with {@code amount} added to {@code currency}'s entry (a new entry at the end if there is none), as
     * {@code LinkedHashMap.merge(currency, amount, BigDecimal::add)} on a copy would give.
     */
    public static FeeMap plus(Map<String, BigDecimal> fees, String currency, BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        FeeMap from = fees instanceof FeeMap f ? f : copyOf(fees);
        int n = from.currencies.length;
        for (int i = 0; i < n; i++) {
            if (Objects.equals(from.currencies[i], currency)) {
                BigDecimal[] amounts = from.amounts.clone();
                amounts[i] = amounts[i] == null ? amount : amounts[i].add(amount);
                return new FeeMap(from.currencies, amounts);
            }
        }
        String[] currencies = java.util.Arrays.copyOf(from.currencies, n + 1);
        BigDecimal[] amounts = java.util.Arrays.copyOf(from.amounts, n + 1);
        currencies[n] = currency;
        amounts[n] = amount;
        return new FeeMap(currencies, amounts);
    }

    /**
     * What a snapshot keeps of {@code fees}: the map itself if it is a {@code FeeMap} (nothing can change it), else an
     * unmodifiable copy in the same order ({@code emptyAs} when there is nothing to copy).
     */
    public static Map<String, BigDecimal> frozen(Map<String, BigDecimal> fees, Map<String, BigDecimal> emptyAs) {
        if (fees instanceof FeeMap) return fees;
        return fees.isEmpty() ? emptyAs : Collections.unmodifiableMap(new LinkedHashMap<>(fees));
    }

    private static FeeMap copyOf(Map<String, BigDecimal> fees) {
        if (fees.isEmpty()) return EMPTY;
        String[] currencies = new String[fees.size()];
        BigDecimal[] amounts = new BigDecimal[fees.size()];
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : fees.entrySet()) {
            currencies[i] = e.getKey();
            amounts[i++] = e.getValue();
        }
        return new FeeMap(currencies, amounts);
    }

    @Override
    public int size() { return currencies.length; }

    @Override
    public boolean containsKey(Object key) { return indexOf(key) >= 0; }

    @Override
    public BigDecimal get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : amounts[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < currencies.length; i++) if (Objects.equals(currencies[i], key)) return i;
        return -1;
    }

    @Override
    public Set<Entry<String, BigDecimal>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() { return currencies.length; }

            @Override
            public Iterator<Entry<String, BigDecimal>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() { return next < currencies.length; }

                    @Override
                    public Entry<String, BigDecimal> next() {
                        if (next >= currencies.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(currencies[i], amounts[i]);
                    }
                };
            }
        };
    }
}
