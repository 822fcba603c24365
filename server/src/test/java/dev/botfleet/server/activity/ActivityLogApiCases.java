package dev.botfleet.server.activity;

import dev.botfleet.server.support.ApiTestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/POST /logs. Run on H2 and on PostgreSQL. */
public abstract class ActivityLogApiCases extends ApiTestBase {

    private String botOf(Session user) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "b", "exchange", "sim", "symbol", "ETH/USDT",
                "strategy", "scalper", "mode", "PAPER",
                "config", Map.of("quantity", "0.01", "buyPrice", "3000", "sellPrice", "3100")));
        Answer a = post("/api/v1/bots", user, body);
        assertThat(a.status()).isEqualTo(201);
        return a.body().get("id").asString();
    }

    private static List<String> messages(Answer page) {
        List<String> out = new ArrayList<>();
        page.body().get("items").forEach(e -> out.add(e.get("message").asString()));
        return out;
    }

    @Test
    void postedEntriesComeBackNewestFirstAndFiltered() {
        Session user = newUser();
        String bot = botOf(user); // writes "created" (INFO)
        Answer posted = post("/api/v1/logs", user, Map.of("level", "WARNING", "message", "  manual note  ", "botId", bot));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.body().get("message").asString()).isEqualTo("manual note");
        assertThat(posted.body().get("botId").asString()).isEqualTo(bot);
        assertThat(posted.body().get("level").asString()).isEqualTo("WARNING");
        assertThat(posted.body().get("createdAt").asString()).isNotBlank();
        post("/api/v1/logs", user, Map.of("level", "ERROR", "message", "no bot"));

        Answer all = get("/api/v1/logs", user);
        assertThat(all.body().get("total").asLong()).isEqualTo(3);
        assertThat(messages(all).get(0)).isEqualTo("no bot");
        assertThat(messages(all).get(1)).isEqualTo("manual note");
        assertThat(messages(get("/api/v1/logs?level=ERROR", user))).containsExactly("no bot");
        assertThat(messages(get("/api/v1/logs?botId=" + bot, user))).hasSize(2);
        assertThat(messages(get("/api/v1/logs?botId=" + bot + "&level=WARNING", user))).containsExactly("manual note");
        Answer paged = get("/api/v1/logs?page=1&size=2", user);
        assertThat(messages(paged)).hasSize(1);
        assertThat(paged.body().get("size").asInt()).isEqualTo(2);
    }

    @Test
    void badEntriesAndFiltersAreNamed() {
        Session user = newUser();
        assertThat(post("/api/v1/logs", user, Map.of("level", "DEBUG", "message", "x")).errorFields()).containsExactly("level");
        assertThat(post("/api/v1/logs", user, Map.of("message", "x")).errorFields()).containsExactly("level");
        assertThat(post("/api/v1/logs", user, Map.of("level", "INFO", "message", " ")).errorFields()).containsExactly("message");
        assertThat(post("/api/v1/logs", user, Map.of("level", "INFO", "message", "m".repeat(1001))).errorFields()).containsExactly("message");
        assertThat(post("/api/v1/logs", user, Map.of("level", "INFO", "message", "x", "botId", "nope")).errorFields()).containsExactly("botId");
        for (String query : List.of("level=LOUD", "botId=abc", "size=0", "size=500", "page=-3")) {
            Answer a = get("/api/v1/logs?" + query, user);
            assertProblem(a, 400, "VALIDATION_ERROR");
            assertThat(a.errorFields()).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        assertThat(get("/api/v1/logs", user).body().get("total").asLong()).isZero();
    }

    @Test
    void entriesAndBotsOfOthersStayHidden() {
        Session alice = newUser();
        Session bob = newUser();
        String alicesBot = botOf(alice);
        post("/api/v1/logs", alice, Map.of("level", "INFO", "message", "alice only"));
        Answer foreign = post("/api/v1/logs", bob, Map.of("level", "INFO", "message", "hi", "botId", alicesBot));
        assertProblem(foreign, 400, "VALIDATION_ERROR");
        assertThat(foreign.errorFields()).containsExactly("botId");
        assertThat(get("/api/v1/logs", bob).body().get("total").asLong()).isZero();
        assertThat(get("/api/v1/logs?botId=" + alicesBot, bob).body().get("total").asLong()).isZero();
        assertThat(get("/api/v1/logs", alice).body().get("total").asLong()).isEqualTo(2);
    }
}
