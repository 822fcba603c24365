package dev.botfleet.server.runtime;

import dev.botfleet.engine.exchange.Balance;
import dev.botfleet.engine.exchange.ExchangePort;
import dev.botfleet.engine.exchange.OrderReport;
import dev.botfleet.engine.order.OrderSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatedPortTest {
    private final List<String> reached = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExchangePort gated = GatedPort.around(new Recording(), closed::get);

    @Test
    void whileOpenOrdersAndCancelsReachTheExchange() {
        gated.cancel("c-1");
        assertThat(reached).containsExactly("cancel c-1");
    }

    @Test
    void onceClosedNothingReachesTheExchangeButReadsStayOpen() {
        closed.set(true);
        assertThatThrownBy(() -> gated.submit(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer owns the bot's shard");
        gated.cancel("c-1");
        assertThat(gated.query("c-1")).isEmpty();
        assertThat(reached).containsExactly("query c-1");
    }

    @Test
    void theGateIsAskedAtEachSendNotOnce() {
        gated.cancel("c-1");
        closed.set(true);  // e.g. the lease went stale by the node's clock after a pause
        gated.cancel("c-2");
        closed.set(false);
        gated.cancel("c-3");
        assertThat(reached).containsExactly("cancel c-1", "cancel c-3");
    }

    private final class Recording implements ExchangePort {
        @Override
        public String exchange() {
            return "sim";
        }

        @Override
        public void submit(OrderSnapshot order) {
            reached.add("submit");
        }

        @Override
        public void cancel(String clientOrderId) {
            reached.add("cancel " + clientOrderId);
        }

        @Override
        public Optional<OrderReport> query(String clientOrderId) {
            reached.add("query " + clientOrderId);
            return Optional.empty();
        }

        @Override
        public Optional<Balance> balance(String asset) {
            return Optional.empty();
        }
    }
}
