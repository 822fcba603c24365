package dev.botfleet.server.notify.telegram;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The Bot API over {@code java.net.http}: {@code POST <api-base>/bot<token>/<method>} with a JSON body. */
public class TelegramApi {
    private final JsonMapper json;
    private final String base;
    private final String token;
    private final Duration pollTimeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public TelegramApi(TelegramProperties properties, JsonMapper json) {
        this.json = json;
        this.base = properties.apiBase();
        this.token = properties.token();
        this.pollTimeout = properties.pollTimeout();
    }

    public ObjectNode params() { return json.createObjectNode(); }

    public JsonMapper json() { return json; }

    /** The method's {@code result}; a long-polling getUpdates may take up to the poll timeout. */
    public JsonNode call(String method, ObjectNode params) {
        Duration timeout = pollTimeout.plusSeconds(15);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method))
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(params))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // only the exception's type: some carry the URI, and the URI carries the token
            throw new TelegramApiException(method, 0, "cannot reach Telegram (" + e.getClass().getSimpleName() + ")", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramApiException(method, 0, "interrupted", 0);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new TelegramApiException(method, response.statusCode(), "unreadable answer", 0);
        }
        if (body.path("ok").asBoolean(false)) return body.get("result");
        throw new TelegramApiException(method, body.path("error_code").asInt(response.statusCode()),
                body.path("description").asString("no description"), body.path("parameters").path("retry_after").asInt(0));
    }
}
