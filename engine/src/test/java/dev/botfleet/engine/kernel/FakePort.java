package dev.botfleet.engine.kernel;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.ExecutionListener;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderSnapshot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An exchange port that reports asynchronously, like a live adapter: it only records what the kernel sends, and the
 * test delivers the exchange's answers with {@link BotKernel#onOrderEvent}, in whatever order it wants.
 */
final class FakePort implements ExchangePort {
    final List<String> sent = new ArrayList<>();
    final Map<String, OrderReport> reports = new HashMap<>();
    final Map<String, Balance> balances = new HashMap<>();
    RuntimeException failSubmit;
    ExecutionListener listener;

    ExchangePort connect(ExecutionListener l) {
        this.listener = l;
        return this;
    }

    void balance(String asset, String available) {
        balances.put(asset, new Balance(asset, new BigDecimal(available), new BigDecimal(available)));
    }

    @Override public String exchange() { return "sim"; }

    @Override
    public void submit(OrderSnapshot order) {
        if (failSubmit != null) throw failSubmit;
        sent.add("submit " + order.clientOrderId());
    }

    @Override public void cancel(String clientOrderId) { sent.add("cancel " + clientOrderId); }

    @Override public Optional<OrderReport> query(String clientOrderId) {
        return Optional.ofNullable(reports.get(clientOrderId));
    }

    @Override public Optional<Balance> balance(String asset) { return Optional.ofNullable(balances.get(asset)); }
}
