package dev.botfleet.server.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

/**
 * WebSocket {@code /api/v1/stream?token=<jwt>}. Browsers cannot set headers on a WebSocket, so the token travels in
 * the query; a missing, forged or expired token closes the connection with 1008 (policy violation). Clients send
 * {@code {"action":"subscribe"|"unsubscribe","exchange":"sim","symbol":"BTC/USDT"}} for ticks.
 */
@Component
public class StreamHandler extends TextWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);
    private static final String SESSION = "botfleet.stream";
    static final String READY = "{\"type\":\"ready\",\"data\":{}}";

    private final EventStream stream;
    private final JwtDecoder tokens;
    private final JsonMapper json;

    public StreamHandler(EventStream stream, JwtDecoder tokens, JsonMapper json) {
        this.stream = stream;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) throws Exception {
        Jwt token = token(socket);
        UUID owner = token == null ? null : owner(token);
        if (owner == null || token.getExpiresAt() == null) {
            socket.close(CloseStatus.POLICY_VIOLATION.withReason("invalid or expired token"));
            return;
        }
        var session = stream.open(socket, owner, token.getExpiresAt());
        if (session.isEmpty()) {
            socket.close(CloseStatus.POLICY_VIOLATION.withReason("too many stream connections for this account (at most "
                    + stream.maxSessionsPerUser() + ")"));
            return;
        }
        socket.getAttributes().put(SESSION, session.get());
        // Tells the client that from here on it misses nothing: what it read before this frame (a page's first GET,
        // fetched while the connection was being set up) may be older than the events it will get, so it re-reads.
        session.get().offer(READY);
    }

    private static UUID owner(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private Jwt token(WebSocketSession socket) {
        if (socket.getUri() == null) return null;
        String token = UriComponentsBuilder.fromUri(socket.getUri()).build().getQueryParams().getFirst("token");
        if (token == null || token.isBlank()) return null;
        try {
            return tokens.decode(java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8));
        } catch (JwtException | IllegalArgumentException e) {
            log.debug("Stream refused: {}", e.getMessage());
            return null;
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        if (!(socket.getAttributes().get(SESSION) instanceof StreamSession session)) return;
        String error;
        try {
            JsonNode request = json.readTree(message.getPayload());
            String action = text(request, "action");
            String exchange = text(request, "exchange");
            String symbol = text(request, "symbol");
            error = switch (action == null ? "" : action) {
                case "subscribe" -> stream.subscribe(session, exchange, symbol).orElse(null);
                case "unsubscribe" -> {
                    stream.unsubscribe(session, exchange + "|" + symbol);
                    yield null;
                }
                default -> "unknown action '" + action + "'; use subscribe or unsubscribe";
            };
        } catch (RuntimeException e) {
            error = "not a JSON message: " + e.getMessage();
        }
        if (error != null) session.offer(stream.message("error", Map.of("message", error)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        if (socket.getAttributes().get(SESSION) instanceof StreamSession session) stream.close(session);
    }
}
