package dev.botfleet.server.runtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optional JSON logs (docs/operations.md): the packaged server started with {@code logging.structured.format.console=ecs}
 * writes every console line as one JSON object a log shipper can parse (ECS fields), and a password sent to it appears
 * in none of them.
 */
class JsonLogsIT {
    private static final String PASSWORD = "correct-horse-9";
    private static final String WRONG_PASSWORD = "wrong-horse-secret-77";
    private static ServerProcess server;

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) server.kill();
    }

    @Test
    void everyConsoleLineIsAnEcsJsonObjectWithoutSecrets() throws Exception {
        Path target = Path.of(System.getProperty("botfleet.it.target", "target"));
        Path jar = Path.of(System.getProperty("botfleet.it.jar", target.resolve("botfleet-server.jar").toString()));
        String run = "json-logs-" + UUID.randomUUID().toString().substring(0, 8);
        server = new ServerProcess(jar, target.resolve("it-logs/" + run), Map.of(
                "botfleet.data-dir", target.resolve("it-data/" + run).toString(),
                "botfleet.password.bcrypt-strength", "4",
                "logging.structured.format.console", "ecs"));
        server.start(Duration.ofSeconds(90));

        ServerApi api = new ServerApi(server);
        api.register("jsonlogs@example.com");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"jsonlogs@example.com\",\"password\":\"" + WRONG_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        server.kill();

        List<String> lines = Files.readAllLines(server.log()).stream().filter(l -> !l.isBlank()).toList();
        JsonMapper json = JsonMapper.builder().build();
        assertThat(lines).as("console lines").hasSizeGreaterThan(5);
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.path("@timestamp").asString()).as("@timestamp of " + line).isNotBlank();
            assertThat(entry.path("log").path("level").asString()).as("log.level of " + line).isNotBlank();
            assertThat(entry.has("message")).as("message of " + line).isTrue();
        }
        assertThat(lines).anySatisfy(l -> assertThat(json.readTree(l).path("message").asString()).contains("Started"));
        assertThat(String.join("\n", lines)).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
    }
}
