package dev.botfleet.server.notify.telegram;

import dev.botfleet.engine.order.Fill;
import dev.botfleet.engine.order.Liquidity;
import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.fakes.telegram.ChatLog;
import dev.botfleet.fakes.telegram.FakeTelegram;
import dev.botfleet.server.common.Times;
import dev.botfleet.server.order.OrderRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat commands beyond /status and /stopall, through the real server against the fake Bot API. Each subclass has
 * its own fake (and token): a cached context of another class keeps polling its own.
 */
public abstract class TelegramCommandsCases extends TelegramTestBase {
    /** The class's fake, told to the server with the Telegram settings. */
    static void telegram(DynamicPropertyRegistry registry, FakeTelegram fake, String token) {
        fake.perChatLimit(1000, 1000);
        registry.add("botfleet.telegram.enabled", () -> "true");
        registry.add("botfleet.telegram.token", () -> token);
        registry.add("botfleet.telegram.bot-name", () -> "botfleet_test_bot");
        registry.add("botfleet.telegram.poll-timeout", () -> "1s");
        registry.add("botfleet.telegram.per-chat-interval", () -> "20ms");
        registry.add("botfleet.telegram.api-base", fake::baseUrl);
    }

    @Autowired
    OrderRepository orders;

    /** A STOPPED paper scalper on sim BTC/USDT called {@code name}, its orders 5% away from the market. */
    private UUID bot(Session user, String name) {
        BigDecimal price = ltp();
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "exchange", "sim", "symbol", "BTC/USDT",
                "strategy", "scalper", "mode", "PAPER"));
        body.put("config", Map.of("quantity", "0.001",
                "buyPrice", price.multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.HALF_EVEN),
                "sellPrice", price.multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_EVEN)));
        Answer created = post("/api/v1/bots", user, body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return UUID.fromString(created.body().get("id").asString());
    }

    private String status(Session user, UUID bot) {
        return get("/api/v1/bots/" + bot, user).body().get("status").asString();
    }

    /** A fill booked as the journal books one (the bot does not run). */
    private void fill(Session user, UUID bot, String symbol, OrderSide side, String quantity, String price,
                      String realizedPnl, Instant at) {
        UUID order = UUID.randomUUID();
        String clientOrderId = "tg-" + order;
        jdbc.sql("""
                        INSERT INTO orders (id, owner_id, bot_id, client_order_id, exchange, symbol, side, type,
                            time_in_force, price, quantity, filled_quantity, fee, status, created_at, updated_at)
                        VALUES (:id, :owner, :bot, :cid, 'sim', :symbol, :side, 'LIMIT', 'GTC', :price, :qty, :qty, 0,
                            'FILLED', :at, :at)""")
                .param("id", order).param("owner", user.id()).param("bot", bot).param("cid", clientOrderId)
                .param("symbol", symbol).param("side", side.name()).param("price", new BigDecimal(price))
                .param("qty", new BigDecimal(quantity)).param("at", Times.sql(at)).update();
        orders.insertTrade(user.id(), bot, order, new Fill(bot.toString(), clientOrderId, "t-" + order, "sim", symbol,
                side, new BigDecimal(price), new BigDecimal(quantity), BigDecimal.ZERO, "USDT", Liquidity.TAKER,
                new BigDecimal(realizedPnl), at));
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void botShowsOneBotFoundByExactNameOrUniquePrefixWithStartAndStopButtons() {
        Session user = newUser();
        long chat = linked(user);
        UUID alpha = bot(user, "Grid Alpha");
        bot(user, "Grid Beta");
        Session other = newUser();
        bot(other, "Secret Bot");

        assertThat(ask(chat, "/bot grid")).isEqualTo("Several bots match grid:\n• Grid Alpha\n• Grid Beta\n"
                + "Send /bot with more of the name.");
        assertThat(ask(chat, "/bot secret")).isEqualTo("You have no bot called secret. Send /bots to see their names.");
        assertThat(ask(chat, "/bot")).startsWith("Which bot?");

        String card = ask(chat, "/bot GRID ALPHA");  // the exact name, any case, with its space
        assertThat(card).startsWith("Grid Alpha – stopped (PAPER)\n")
                .contains("Strategy scalper on sim BTC/USDT\n", "Position: none\n", "Open orders: 0\n",
                        "Realized PnL: today 0 USDT, total 0 USDT (0 deals)\n")
                .containsPattern("Last activity: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC – Bot 'Grid Alpha' created");
        ChatLog.Sent stopped = awaitSent(chat, "Grid Alpha – stopped");
        assertThat(stopped.buttonData()).containsExactly("start:" + alpha);

        tg().userPresses(chat, stopped.messageId(), "start:" + alpha);
        await("the card edited", () -> texts(chat), t -> t.contains("Started Grid Alpha (scalper on sim BTC/USDT, PAPER)."));
        assertThat(status(user, alpha)).isEqualTo("ACTIVE");

        assertThat(ask(chat, "/bot grid a")).startsWith("Grid Alpha – running (PAPER)");  // a unique prefix
        ChatLog.Sent running = awaitSent(chat, "Grid Alpha – running");
        assertThat(running.buttonData()).containsExactly("stop:" + alpha);
        tg().userPresses(chat, running.messageId(), "stop:" + alpha);
        await("the card edited", () -> texts(chat), t -> t.contains("Stopped Grid Alpha."));
        assertThat(status(user, alpha)).isEqualTo("STOPPED");
    }

    @Test
    void startAndStopByNameAndTheirRefusals() {
        Session user = newUser();
        long chat = linked(user);
        UUID paper = bot(user, "paper one");
        assertThat(ask(chat, "/start")).contains("linked to your botfleet account");
        assertThat(ask(chat, "/start nosuch")).startsWith("You have no bot called nosuch");
        // the answer and the "started" alert are queued together, in either order
        tg().userSays(chat, "/start paper");
        awaitMessage(chat, "Started paper one (scalper on sim BTC/USDT, PAPER).");
        awaitMessage(chat, "Bot paper one started");
        assertThat(status(user, paper)).isEqualTo("ACTIVE");
        assertThat(ask(chat, "/start paper one")).isEqualTo("paper one is already running.");
        tg().userSays(chat, "/stop Paper One");
        awaitMessage(chat, "Stopped paper one.");
        awaitMessage(chat, "Bot paper one stopped (stopped by user)");
        assertThat(ask(chat, "/stop paper one")).isEqualTo("paper one is not running.");
        assertThat(status(user, paper)).isEqualTo("STOPPED");

        // a LIVE bot on binance with a key row (as the risk tests make one): start asks, and the yes meets the
        // API's own refusal, the daily loss limit, told in its words
        UUID live = bot(user, "live one");
        UUID key = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO exchange_credentials (id, owner_id, exchange, label, api_key_last4, api_key_enc,
                            api_secret_enc, created_at) VALUES (:id, :owner, 'binance', 'k', 'abcd', 'x', 'x', :now)""")
                .param("id", key).param("owner", user.id()).param("now", Times.sql(clock.instant())).update();
        jdbc.sql("UPDATE bots SET mode = 'LIVE', exchange = 'binance', credential_id = :key WHERE id = :id")
                .param("key", key).param("id", live).update();
        botRowChanged(live);
        fill(user, live, "BTC/USDT", OrderSide.SELL, "1", "100", "-250", clock.instant());
        assertThat(put("/api/v1/me/risk", user, Map.of("dailyLossLimits", Map.of("USDT", "250"))).status()).isEqualTo(200);

        assertThat(ask(chat, "/start live")).isEqualTo("Start live one LIVE? It trades real money on binance (BTC/USDT) with your API key.");
        ChatLog.Sent question = awaitSent(chat, "Start live one LIVE?");
        assertThat(question.buttonData()).containsExactly("golive:" + live, "cancel");
        tg().userPresses(chat, question.messageId(), "golive:" + live);
        String refusal = await("the refusal", () -> tg().chat(chat).find(question.messageId()).text(), t -> !t.startsWith("Start live"));
        assertThat(refusal).startsWith("Cannot start bot 'live one': daily loss limit reached: -250 USDT today (limit 250 USDT)");
        assertThat(status(user, live)).isEqualTo("STOPPED");

        ask(chat, "/start live one");
        ChatLog.Sent again = tg().chat(chat).messages().getLast();
        tg().userPresses(chat, again.messageId(), "cancel");
        assertThat(await("cancelled", () -> tg().chat(chat).find(again.messageId()).text(), t -> !t.startsWith("Start live")))
                .isEqualTo("Nothing changed.");
        assertThat(status(user, live)).isEqualTo("STOPPED");
    }

    @Test
    void profitAddsRealizedPnlPerDayAndAssetWithPaperApart() {
        Session user = newUser();
        long chat = linked(user);
        UUID paper = bot(user, "p");
        UUID live = bot(user, "l");
        jdbc.sql("UPDATE bots SET mode = 'LIVE' WHERE id = :id").param("id", live).update();
        botRowChanged(live);
        Instant now = clock.instant();
        LocalDate today = today();
        fill(user, paper, "BTC/USDT", OrderSide.SELL, "0.001", "50000", "10", now);
        fill(user, paper, "BTC/USDT", OrderSide.BUY, "0.001", "50000", "0", now);  // opens: realizes nothing
        fill(user, paper, "BTC/USDT", OrderSide.SELL, "0.001", "50000", "-2.5", now.minus(Duration.ofDays(1)));
        fill(user, live, "ETH/BTC", OrderSide.SELL, "0.1", "0.05", "0.001", now);
        fill(user, live, "BTC/USDT", OrderSide.SELL, "0.001", "50000", "3", now);
        fill(user, paper, "BTC/USDT", OrderSide.SELL, "0.001", "50000", "100", now.minus(Duration.ofDays(8)));
        Session other = newUser();  // another user's fills never count
        fill(other, bot(other, "x"), "BTC/USDT", OrderSide.SELL, "1", "1", "999", now);

        assertThat(ask(chat, "/profit")).isEqualTo("Realized PnL, the last 7 days (UTC days; each asset on its own, paper apart):\n"
                + today.minusDays(1) + ": -2.5 USDT (paper)\n"
                + today + ": +0.001 BTC, +3 USDT, +10 USDT (paper)\n"
                + "Total: +0.001 BTC, +3 USDT, +7.5 USDT (paper)");
        assertThat(ask(chat, "/profit 30")).endsWith("Total: +0.001 BTC, +3 USDT, +107.5 USDT (paper)")
                .contains(today.minusDays(8) + ": +100 USDT (paper)\n");
        assertThat(ask(chat, "/profit 1")).startsWith("Realized PnL, today").doesNotContain("-2.5");
        for (String bad : List.of("0", "366", "-3", "abc", "7 days")) {
            assertThat(ask(chat, "/profit " + bad)).as(bad).startsWith("Send /profit with a number of days from 1 to 365");
        }
        long empty = linked(newUser());
        assertThat(ask(empty, "/profit")).isEqualTo("No realized PnL in the last 7 days.");
    }

    @Test
    void tradesListsTheLastFillsNewestFirst() {
        Session user = newUser();
        long chat = linked(user);
        assertThat(ask(chat, "/trades")).isEqualTo("Your bots have no fills yet.");
        UUID a = bot(user, "alpha");
        UUID b = bot(user, "beta");
        Instant t = Instant.parse("2026-11-30T08:15:00Z");
        fill(user, a, "BTC/USDT", OrderSide.BUY, "0.001", "50000.5", "0", t);
        fill(user, b, "BTC/USDT", OrderSide.SELL, "0.002", "51000", "1", t.plusSeconds(60));
        fill(user, a, "BTC/USDT", OrderSide.SELL, "0.001", "50100", "0.1", t.plusSeconds(120));

        assertThat(ask(chat, "/trades 2")).isEqualTo("Last 2 fills (UTC):\n"
                + "2026-11-30 08:17 alpha: sold 0.001 BTC at 50100 USDT\n"
                + "2026-11-30 08:16 beta: sold 0.002 BTC at 51000 USDT");
        assertThat(ask(chat, "/trades")).startsWith("Last 3 fills (UTC):\n")
                .endsWith("2026-11-30 08:15 alpha: bought 0.001 BTC at 50000.5 USDT");
        for (String bad : List.of("0", "51", "x", "-1")) {
            assertThat(ask(chat, "/trades " + bad)).as(bad).startsWith("Send /trades with how many fills to show, from 1 to 50");
        }
    }

    @Test
    void balanceShowsEachPaperBotsAccount() {
        Session user = newUser();
        long chat = linked(user);
        assertThat(ask(chat, "/balance")).isEqualTo("You have no paper bots and no exchange keys.");
        UUID bot = bot(user, "saver");
        StringBuilder expected = new StringBuilder("Paper accounts (one per bot):\n• saver on sim: ");
        List<String> parts = new java.util.ArrayList<>();
        get("/api/v1/bots/" + bot + "/balances", user).body().forEach(b -> parts.add(b.get("total").asString() + " "
                + b.get("asset").asString()));
        expected.append(String.join(", ", parts));
        assertThat(parts).hasSize(2);
        assertThat(ask(chat, "/balance")).isEqualTo(expected.toString());
    }

    @Test
    void anUnlinkedChatIsRefusedTheNewCommandsAndHelpListsThem() {
        long chat = newChat();
        for (String command : List.of("/bot x", "/profit", "/profit 3", "/balance", "/trades", "/trades 5")) {
            assertThat(ask(chat, command)).as(command).startsWith("This chat is not linked");
        }
        long linked = linked(newUser());
        assertThat(ask(linked, "/help")).contains("/bot <name>", "/profit [days]", "/balance", "/trades [n]",
                "/start <name>", "/stop <name>", "/stopall");
        assertThat(ask(linked, "/nonsense")).isEqualTo("I don't know /nonsense. Send /help to see the commands.");
    }
}
