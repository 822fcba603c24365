package dev.botfleet.server.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.notify.webhook.WebhookReceiver;
import dev.botfleet.server.order.OrderRepository;
import dev.botfleet.server.runtime.RuntimeTestBase;
import dev.botfleet.server.support.TestClockConfig;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One server on H2 with every alert channel reachable: email to a real SMTP server (GreenMail on a free loopback
 * port), webhooks to a real HTTP receiver, Telegram's outbox read from its table (Telegram's sending is
 * TelegramFlowH2Test's part). Shared by the notification test classes (one cached context).
 */
@SpringBootTest(properties = {"botfleet.data-dir=target/test-data", "botfleet.password.bcrypt-strength=4",
        "botfleet.sim.tick-interval=50ms",
        "spring.datasource.url=jdbc:h2:mem:botfleet-notify;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "botfleet.webhooks.backoff=50ms", "botfleet.webhooks.poll-interval=50ms",
        "botfleet.mail.enabled=true", "botfleet.mail.from=alerts@botfleet.test", "spring.mail.host=127.0.0.1",
        "botfleet.mail.alerts.min-interval=0s", "botfleet.mail.alerts.poll-interval=50ms",
        "botfleet.mail.alerts.backoff=50ms", "botfleet.mail.alerts.max-attempts=3",
        // the tests call DailySummaries.sendDue with chosen instants; the background pass runs once at start only
        "botfleet.notifications.summary-check-interval=1h"})
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
public abstract class NotifyTestBase extends RuntimeTestBase {
    protected static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    protected static final WebhookReceiver RECEIVER;
    private static final AtomicInteger PATHS = new AtomicInteger();

    static {
        SMTP.start();
        try {
            RECEIVER = new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Autowired
    protected OrderRepository orders;

    /** A webhook of the user for every event type, on a path of its own; answers the path. */
    protected String hook(Session user) {
        String path = "/notify-" + PATHS.incrementAndGet();
        Answer a = post("/api/v1/webhooks", user, Map.of("url", RECEIVER.url(path), "events",
                List.of("BOT_STARTED", "BOT_STOPPED", "BOT_ERROR", "FILL", "DEAL_CLOSED", "RISK", "DAILY_SUMMARY")));
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(201);
        return path;
    }

    /** The {@code data} of every event of this type that reached the path. */
    protected List<JsonNode> events(String path, String type) {
        List<JsonNode> out = new ArrayList<>();
        for (WebhookReceiver.Received r : RECEIVER.at(path)) {
            if (type.equals(r.header("X-Botfleet-Event")) && r.answered() == 200) out.add(json.readTree(r.body()));
        }
        return out;
    }

    protected JsonNode awaitEvent(String path, String type) {
        try {
            return await(type + " at " + path, () -> events(path, type), l -> !l.isEmpty()).getFirst();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; what arrived: " + RECEIVER.at(path).stream()
                    .map(r -> r.header("X-Botfleet-Event") + " " + r.answered() + " " + r.body()).toList(), e);
        }
    }

    /** Subjects and bodies of the mails GreenMail received for this address. */
    protected List<String> mails(String to) {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            try {
                if (m.getAllRecipients()[0].toString().equals(to)) {
                    out.add(m.getSubject() + "\n" + String.valueOf(m.getContent()).replace("\r\n", "\n"));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    protected String awaitMail(String to, String containing) {
        return await("a mail to " + to + " containing '" + containing + "'", () -> mails(to),
                l -> l.stream().anyMatch(m -> m.contains(containing)))
                .stream().filter(m -> m.contains(containing)).findFirst().orElseThrow();
    }

    protected Answer putPreferences(Session user, Map<String, Object> body) {
        return put("/api/v1/notifications/preferences", user, body);
    }

    /** A fill of {@code bot} realizing {@code realizedPnl} at {@code at}, booked as the journal books one. */
    protected void fill(Session user, UUID bot, String realizedPnl, Instant at) {
        UUID order = UUID.randomUUID();
        String clientOrderId = "notify-" + order;
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type,
                            time_in_force, price, quantity, filled_quantity, fee, status, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, 'sim', 'BTC/USDT', 'SELL', 'LIMIT', 'GTC', 100, 1, 1, 0, 'FILLED',
                            :at, :at)""")
                .param("id", order).param("owner", user.id()).param("bot", bot).param("cid", clientOrderId)
                .param("at", Times.sql(at)).update();
        orders.insertTrade(user.id(), bot, order, new Fill(bot.toString(), clientOrderId, "t-" + order, "sim", "BTC/USDT",
                OrderSide.SELL, BigDecimal.valueOf(100), BigDecimal.ONE, BigDecimal.ZERO, "USDT", Liquidity.TAKER,
                new BigDecimal(realizedPnl), at));
    }

    /** A STOPPED PAPER scalper on sim BTC/USDT whose orders would rest far from the market. */
    protected UUID idleBot(Session user, String name) {
        Answer created = post("/api/v1/bots", user, Map.of("name", name, "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.001", "buyPrice", "60000", "sellPrice", "61000")));
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asString());
    }
}
