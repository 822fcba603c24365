package dev.botfleet.server.config;

import dev.botfleet.server.common.GroupCommit;
import dev.botfleet.server.common.ShowsOneBot;
import dev.botfleet.server.common.StoredOnly;
import dev.botfleet.server.support.HeldCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an API response on H2 waits for: every bot's commit step under way, or, for a handler that shows one bot's rows
 * ({@link ShowsOneBot}), only a step that writes that bot's rows. A group commit is held in its commit step by a
 * transaction manager that blocks there.
 */
class H2ShownOnceStoredTest {
    private static final String H2 = "jdbc:h2:mem:shown" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final HeldCommits held = new HeldCommits();
    private final CountDownLatch inCommit = held.inCommit;
    private final CountDownLatch letCommit = held.letCommit;
    private final UUID writing = UUID.randomUUID();
    private GroupCommit commits;
    private JdbcClient jdbc;

    @BeforeEach
    void holdACommitOfOneBot() throws Exception {
        DriverManagerDataSource data = new DriverManagerDataSource(H2);
        jdbc = JdbcClient.create(data);
        jdbc.sql("CREATE TABLE IF NOT EXISTS t (v VARCHAR(40) PRIMARY KEY)").update();
        commits = new GroupCommit(held.transactions(data), 256, 1);
        commits.lane(writing).backlog(writing).submit(() -> jdbc.sql("INSERT INTO t VALUES (:v)")
                .param("v", writing.toString()).update(), () -> { }, e -> { });
        assertThat(inCommit.await(30, TimeUnit.SECONDS)).as("the bot's commit reached its step").isTrue();
    }

    @AfterEach
    void release() {
        letCommit.countDown();
        commits.close();
    }

    @Test
    void aResponseAboutAnotherBotIsNotHeldByThisBotsCommitStep() throws Exception {
        assertThat(respond("oneBot", UUID.randomUUID())).succeedsWithin(java.time.Duration.ofSeconds(30));
    }

    @Test
    void aResponseAboutTheBotWhoseRowsAreCommittingWaitsForTheStep() throws Exception {
        CompletableFuture<Object> answer = respond("oneBot", writing);
        assertThat(answer).as("held while the step is under way").isNotDone();
        letCommit.countDown();
        assertThat(answer).succeedsWithin(java.time.Duration.ofSeconds(30));
    }

    @Test
    void aResponseAboutManyBotsWaitsForEveryStep() throws Exception {
        CompletableFuture<Object> answer = respond("everyBot", UUID.randomUUID());
        assertThat(answer).isNotDone();
        letCommit.countDown();
        assertThat(answer).succeedsWithin(java.time.Duration.ofSeconds(30));
    }

    @Test
    void aResponseBuiltFromStoredRowsOnlyIsNeverHeld() throws Exception {
        MethodParameter fromDirectory = new MethodParameter(Handlers.class.getDeclaredMethod("fromDirectory"), -1);
        assertThat(new H2ShownOnceStored(commits, H2).supports(fromDirectory, JacksonJsonHttpMessageConverter.class))
                .isFalse();
    }

    /** The advice writing the body of {@code handler}, called with {@code id} as its path's bot. */
    private CompletableFuture<Object> respond(String handler, UUID id) throws Exception {
        H2ShownOnceStored advice = new H2ShownOnceStored(commits, H2);
        MethodParameter returnType = new MethodParameter(Handlers.class.getDeclaredMethod(handler), -1);
        assertThat(advice.supports(returnType, JacksonJsonHttpMessageConverter.class)).isTrue();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/bots/" + id);
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", id.toString()));
        CompletableFuture<Object> answer = CompletableFuture.supplyAsync(() -> advice.beforeBodyWrite("body", returnType,
                MediaType.APPLICATION_JSON, JacksonJsonHttpMessageConverter.class, new ServletServerHttpRequest(request),
                new ServletServerHttpResponse(new MockHttpServletResponse())));
        // a held response is parked in the advice; one that is not returns at once
        try {
            answer.get(200, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillHeld) {
            // the caller asserts which it expected
        }
        return answer;
    }

    /** Stand-ins for API handlers. */
    static final class Handlers {
        @ShowsOneBot
        String oneBot() {
            return "";
        }

        String everyBot() {
            return "";
        }

        @StoredOnly
        String fromDirectory() {
            return "";
        }
    }
}
