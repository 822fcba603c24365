package dev.botfleet.strategies.rules;

import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * A compiled node of a rule tree, evaluated once per candle after the indicators are updated. Every node is evaluated
 * on every candle (no short-circuit) so crossovers always know the previous candle's values.
 */
public sealed interface Condition {

    boolean evaluate();

    /** True when every child holds. */
    record All(List<Condition> children) implements Condition {
        @Override
        public boolean evaluate() {
            boolean all = true;
            for (Condition c : children) all &= c.evaluate();
            return all;
        }
    }

    /** True when at least one child holds. */
    record Any(List<Condition> children) implements Condition {
        @Override
        public boolean evaluate() {
            boolean any = false;
            for (Condition c : children) any |= c.evaluate();
            return any;
        }
    }

    /** The comparison operators of a rule; crossovers compare this candle with the previous one. */
    enum Operator {
        GT(">"), LT("<"), GE(">="), LE("<="), CROSSES_ABOVE("crossesAbove"), CROSSES_BELOW("crossesBelow");

        final String symbol;

        Operator(String symbol) { this.symbol = symbol; }

        static Operator of(String symbol) {
            for (Operator o : values()) if (o.symbol.equals(symbol)) return o;
            return null;
        }

        static String symbols() {
            StringBuilder s = new StringBuilder();
            for (Operator o : values()) s.append(s.isEmpty() ? "" : ", ").append(o.symbol);
            return s.toString();
        }
    }

    /** {@code left op right}; false while either side is not ready (NaN). */
    final class Compare implements Condition {
        private final DoubleSupplier left;
        private final Operator op;
        private final DoubleSupplier right;
        private double leftBefore = Double.NaN;
        private double rightBefore = Double.NaN;

        Compare(DoubleSupplier left, Operator op, DoubleSupplier right) {
            this.left = left;
            this.op = op;
            this.right = right;
        }

        @Override
        public boolean evaluate() {
            double l = left.getAsDouble();
            double r = right.getAsDouble();
            boolean ready = !Double.isNaN(l) && !Double.isNaN(r);
            boolean wasReady = !Double.isNaN(leftBefore) && !Double.isNaN(rightBefore);
            boolean result = ready && switch (op) {
                case GT -> l > r;
                case LT -> l < r;
                case GE -> l >= r;
                case LE -> l <= r;
                case CROSSES_ABOVE -> wasReady && leftBefore <= rightBefore && l > r;
                case CROSSES_BELOW -> wasReady && leftBefore >= rightBefore && l < r;
            };
            leftBefore = l;
            rightBefore = r;
            return result;
        }
    }
}
