package dev.botfleet.fakes.telegram;

import dev.botfleet.fakes.FakeHttp;
import dev.botfleet.fakes.FakeHttp.Request;
import dev.botfleet.fakes.FakeHttp.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local Telegram Bot API server written from core.telegram.org/bots/api: {@code /bot<token>/<method>} by GET or
 * POST with JSON, form or query parameters, answering {@code {"ok":true,"result":...}} or
 * {@code {"ok":false,"error_code":N,"description":"..."}}. It serves getMe, getUpdates (long polling with offset
 * confirmation), sendMessage, editMessageText, answerCallbackQuery, setMyCommands and getMyCommands, setWebhook,
 * deleteWebhook and getWebhookInfo (while a webhook is set getUpdates is a 409 and updates are POSTed to it with the
 * secret header, retried until a 2xx), and applies the send limits with 429 {@code retry_after}. Tests play the user with {@link #userSays} and {@link #userPresses}.
 */
public final class FakeTelegram implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String token;
    private final String username;
    private final long botId = 7_000_000_001L;
    private final FakeHttp http;
    private final SendLimits limits = new SendLimits();
    private final Object updatesLock = new Object();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<Long, ChatLog> chats = new ConcurrentHashMap<>();
    private final Map<String, String> callbackAnswers = new ConcurrentHashMap<>();
    private final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile JsonNode commands = NODES.arrayNode();
    private final WebhookSender sender = new WebhookSender();
    private final Map<Long, String> delivered = new ConcurrentHashMap<>();
    private volatile WebhookSender.Hook hook;
    private volatile long lastErrorDate;
    private volatile String lastErrorMessage;
    private volatile int maxDeliveryAttempts = 20;
    private Thread deliveryThread;
    private long nextUpdateId = 100_000;
    private long nextMessageId = 1;
    private long nextCallbackId = 1;

    public FakeTelegram(String token, String username) {
        this.token = token;
        this.username = username;
        try {
            http = new FakeHttp(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.routePrefix("GET", "/bot", this::serve).routePrefix("POST", "/bot", this::serve);
    }

    /** The value for {@code botfleet.telegram.api-base}. */
    public String baseUrl() { return http.baseUrl(); }

    public String username() { return username; }

    /** The fake's HTTP server, for test-only control routes ({@link dev.botfleet.fakes.FakeControl#installTelegram}). */
    public FakeHttp http() { return http; }

    @Override
    public void close() {
        synchronized (updatesLock) {
            if (deliveryThread != null) deliveryThread.interrupt();
        }
        http.close();
    }

    // ---- test hooks: the user's side ----

    /** The user of private chat {@code chatId} sends {@code text}; returns the update's id. */
    public long userSays(long chatId, String text) {
        ObjectNode message = userMessage(chatId, text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            ObjectNode entity = NODES.objectNode().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
            message.set("entities", NODES.arrayNode().add(entity));
        }
        chats.computeIfAbsent(chatId, c -> new ChatLog());
        return enqueue("message", message);
    }

    /** The user presses the inline button with {@code data} under the bot's message {@code messageId}. */
    public long userPresses(long chatId, long messageId, String data) {
        ChatLog.Sent sent = chat(chatId).find(messageId);
        if (sent == null || !sent.buttonData().contains(data)) {
            throw new IllegalArgumentException("no button " + data + " under message " + messageId + " in chat " + chatId);
        }
        ObjectNode message = NODES.objectNode().put("message_id", messageId).put("date", now());
        message.set("from", NODES.objectNode().put("id", botId).put("is_bot", true).put("first_name", "Bot").put("username", username));
        message.set("chat", chatNode(chatId));
        message.put("text", sent.text());
        ObjectNode query = NODES.objectNode();
        synchronized (updatesLock) {
            query.put("id", String.valueOf(nextCallbackId++));
        }
        query.set("from", userNode(chatId));
        query.set("message", message);
        query.put("chat_instance", "ci" + chatId).put("data", data);
        return enqueue("callback_query", query);
    }

    /** What chat {@code chatId} holds (empty for an unknown chat). */
    public ChatLog chat(long chatId) { return chats.computeIfAbsent(chatId, c -> new ChatLog()); }

    /** The text of answerCallbackQuery by callback query id (empty text when answered without one). */
    public Map<String, String> callbackAnswers() { return Map.copyOf(callbackAnswers); }

    /** The commands set by setMyCommands, as sent. */
    public JsonNode commands() { return commands; }

    /** Every method called, in order ("sendMessage", "getUpdates", ...), with a valid token. */
    public List<String> calls() { synchronized (calls) { return List.copyOf(calls); } }

    /** Updates not yet confirmed by a getUpdates offset. */
    public int pendingUpdates() { synchronized (updatesLock) { return updates.size(); } }

    public void perChatLimit(int count, long windowMillis) { limits.perChat(count, windowMillis); }

    public void globalLimit(int perSecond) { limits.global(perSecond); }

    /** The next {@code count} sends are answered 429 with this retry_after. */
    public void throttleNext(int count, int retryAfterSeconds) { limits.throttleNext(count, retryAfterSeconds); }

    /** Sends answered 429. */
    public int throttled() { return limits.throttled(); }

    /** Sends retried to a chat before its retry_after had passed. */
    public int earlyRetries() { return limits.earlyRetries(); }

    /** POST attempts made to webhooks (each retry counts). */
    public int webhookAttempts() { return sender.attempts(); }

    /** The webhook set now, or null. */
    public String webhookUrl() { WebhookSender.Hook h = hook; return h == null ? null : h.url(); }

    /** Attempts per update before the fake gives up on it, as Telegram does "after a reasonable number". */
    public void maxDeliveryAttempts(int attempts) { maxDeliveryAttempts = attempts; }

    /**
     * Sends an update that was already delivered once more, as Telegram does when it did not see the answer (a lost
     * connection after the receiver handled it); answers the receiver's status code (0: unreachable).
     */
    public int redeliver(long updateId) {
        String body = delivered.get(updateId);
        WebhookSender.Hook h = hook;
        if (body == null || h == null) throw new IllegalArgumentException("update " + updateId + " was not delivered to a webhook");
        return sender.post(h, body);
    }

    // ---- the Bot API ----

    private Response serve(Request request) throws InterruptedException {
        String rest = request.path().substring("/bot".length());
        int slash = rest.indexOf('/');
        if (slash < 0 || !rest.substring(0, slash).equals(token)) return error(401, "Unauthorized");
        String method = rest.substring(slash + 1);
        Map<String, JsonNode> params;
        try {
            params = params(request);
        } catch (RuntimeException e) {
            return error(400, "Bad Request: can't parse request parameters");
        }
        calls.add(method);
        // Method names are case-insensitive in the Bot API.
        return switch (method.toLowerCase(java.util.Locale.ROOT)) {
            case "getme" -> ok(NODES.objectNode().put("id", botId).put("is_bot", true).put("first_name", "Botfleet")
                    .put("username", username));
            case "getupdates" -> getUpdates(params);
            case "sendmessage" -> sendMessage(params);
            case "editmessagetext" -> editMessageText(params);
            case "answercallbackquery" -> answerCallbackQuery(params);
            case "setmycommands" -> setMyCommands(params);
            case "getmycommands" -> ok(commands);
            case "setwebhook" -> setWebhook(params);
            case "deletewebhook" -> deleteWebhook(params);
            case "getwebhookinfo" -> getWebhookInfo();
            default -> error(404, "Not Found");
        };
    }

    private Response getUpdates(Map<String, JsonNode> p) throws InterruptedException {
        if (hook != null) {
            return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }
        long offset = p.containsKey("offset") ? asLong(p.get("offset")) : 0;
        int limit = p.containsKey("limit") ? (int) Math.clamp(asLong(p.get("limit")), 1, 100) : 100;
        long timeoutMs = p.containsKey("timeout") ? Math.max(0, asLong(p.get("timeout"))) * 1000 : 0;
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (updatesLock) {
            // An update is confirmed (and forgotten) once getUpdates is called with an offset above its id.
            if (offset > 0) updates.removeIf(u -> u.get("update_id").asLong() < offset);
            while (updates.isEmpty()) {
                long waitMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (waitMs <= 0) break;
                updatesLock.wait(waitMs);
            }
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < Math.min(limit, updates.size()); i++) out.add(updates.get(i));
            return ok(out);
        }
    }

    private Response sendMessage(Map<String, JsonNode> p) {
        if (!p.containsKey("chat_id")) return error(400, "Bad Request: chat_id is empty");
        long chatId = asLong(p.get("chat_id"));
        String text = p.containsKey("text") ? p.get("text").asString() : "";
        if (text.isBlank()) return error(400, "Bad Request: message text is empty");
        if (text.length() > 4096) return error(400, "Bad Request: message is too long");
        ChatLog chat = chats.get(chatId);
        if (chat == null) return error(400, "Bad Request: chat not found");
        int retryAfter = limits.admit(chatId);
        if (retryAfter > 0) return tooMany(retryAfter);
        long id;
        synchronized (updatesLock) {
            id = nextMessageId++;
        }
        JsonNode markup = markup(p.get("reply_markup"));
        chat.add(new ChatLog.Sent(id, text, markup, 0));
        return ok(botMessage(chatId, id, text, markup));
    }

    private Response editMessageText(Map<String, JsonNode> p) {
        if (!p.containsKey("chat_id") || !p.containsKey("message_id")) return error(400, "Bad Request: message to edit not found");
        long chatId = asLong(p.get("chat_id"));
        String text = p.containsKey("text") ? p.get("text").asString() : "";
        if (text.isBlank()) return error(400, "Bad Request: message text is empty");
        ChatLog chat = chats.get(chatId);
        ChatLog.Sent old = chat == null ? null : chat.find(asLong(p.get("message_id")));
        if (old == null) return error(400, "Bad Request: message to edit not found");
        JsonNode markup = markup(p.get("reply_markup"));
        if (old.text().equals(text) && java.util.Objects.equals(old.replyMarkup(), markup)) {
            return error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }
        chat.replace(new ChatLog.Sent(old.messageId(), text, markup, old.edits() + 1));
        return ok(botMessage(chatId, old.messageId(), text, markup));
    }

    private Response answerCallbackQuery(Map<String, JsonNode> p) {
        if (!p.containsKey("callback_query_id")) return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        callbackAnswers.put(p.get("callback_query_id").asString(), p.containsKey("text") ? p.get("text").asString() : "");
        return ok(NODES.booleanNode(true));
    }

    private Response setMyCommands(Map<String, JsonNode> p) {
        JsonNode list = p.get("commands");
        if (list != null && list.isString()) list = JSON.readTree(list.asString());
        if (list == null || !list.isArray()) return error(400, "Bad Request: commands must be an array");
        for (JsonNode c : list) {
            String name = c.path("command").asString("");
            if (!name.matches("[a-z0-9_]{1,32}") || c.path("description").asString("").isEmpty()) {
                return error(400, "Bad Request: BOT_COMMAND_INVALID");
            }
        }
        commands = list;
        return ok(NODES.booleanNode(true));
    }

    // ---- webhooks ----

    /**
     * setWebhook: {@code url} (empty removes the webhook), optional {@code secret_token} (1-256 of A-Z a-z 0-9 _ -)
     * and {@code drop_pending_updates}. Telegram wants HTTPS on ports 443, 80, 88 or 8443; the fake also takes plain
     * http to a loopback address, where tests listen.
     */
    private Response setWebhook(Map<String, JsonNode> p) {
        String url = p.containsKey("url") ? p.get("url").asString().trim() : null;
        if (url == null) return error(400, "Bad Request: parameter \"url\" is required");
        if (url.isEmpty()) return deleteWebhook(p);
        String secret = p.containsKey("secret_token") ? p.get("secret_token").asString() : null;
        if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            return error(400, "Bad Request: secret token contains unallowed characters");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return error(400, "Bad Request: bad webhook: invalid URL");
        }
        boolean loopback = "http".equals(uri.getScheme()) && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
        if (!"https".equals(uri.getScheme()) && !loopback) return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
        synchronized (updatesLock) {
            if (flag(p.get("drop_pending_updates"))) updates.clear();
            hook = new WebhookSender.Hook(url, secret);
            if (deliveryThread == null) deliveryThread = Thread.ofVirtual().name("fake-telegram-webhook").start(this::deliverLoop);
            updatesLock.notifyAll();
        }
        return okDescribed("Webhook was set");
    }

    private Response deleteWebhook(Map<String, JsonNode> p) {
        synchronized (updatesLock) {
            boolean was = hook != null;
            hook = null;
            if (flag(p.get("drop_pending_updates"))) updates.clear();
            return okDescribed(was ? "Webhook was deleted" : "Webhook is already deleted");
        }
    }

    private Response getWebhookInfo() {
        WebhookSender.Hook h = hook;
        ObjectNode info = NODES.objectNode().put("url", h == null ? "" : h.url()).put("has_custom_certificate", false)
                .put("pending_update_count", pendingUpdates());
        if (h != null) info.put("max_connections", 40);
        if (lastErrorDate > 0) info.put("last_error_date", lastErrorDate).put("last_error_message", lastErrorMessage);
        return ok(info);
    }

    /** One update at a time, in order: retried with a growing wait until a 2xx, or given up after the maximum. */
    private void deliverLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                ObjectNode next;
                WebhookSender.Hook h;
                synchronized (updatesLock) {
                    while (hook == null || updates.isEmpty()) updatesLock.wait();
                    next = updates.getFirst();
                    h = hook;
                }
                long id = next.get("update_id").asLong();
                boolean done = false;
                for (int attempt = 1; attempt <= maxDeliveryAttempts && hook == h; attempt++) {
                    int status = sender.post(h, next.toString());
                    if (WebhookSender.ok(status)) {
                        done = true;
                        delivered.put(id, next.toString());
                        break;
                    }
                    lastErrorDate = now();
                    lastErrorMessage = status == 0 ? "Connection refused" : "Wrong response from the webhook: " + status;
                    Thread.sleep(Math.min(2000, 25L << Math.min(attempt, 6)));
                }
                if (hook != h && !done) continue;  // the webhook changed: the update waits for the new one
                synchronized (updatesLock) {
                    updates.remove(next);  // delivered, or given up
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private static boolean flag(JsonNode n) {
        return n != null && (n.isBoolean() ? n.asBoolean() : "true".equalsIgnoreCase(n.asString()));
    }

    private static Response okDescribed(String description) {
        return Response.json(200, NODES.objectNode().put("ok", true).put("result", true).put("description", description).toString());
    }

    // ---- helpers ----

    private long enqueue(String kind, ObjectNode payload) {
        synchronized (updatesLock) {
            long id = nextUpdateId++;
            if (kind.equals("message")) payload.put("message_id", nextMessageId++);
            ObjectNode update = NODES.objectNode().put("update_id", id);
            update.set(kind, payload);
            updates.add(update);
            updatesLock.notifyAll();
            return id;
        }
    }

    private ObjectNode userMessage(long chatId, String text) {
        ObjectNode m = NODES.objectNode();
        m.set("from", userNode(chatId));
        m.set("chat", chatNode(chatId));
        m.put("date", now()).put("text", text);
        return m;
    }

    private ObjectNode botMessage(long chatId, long id, String text, JsonNode markup) {
        ObjectNode m = NODES.objectNode().put("message_id", id);
        m.set("from", NODES.objectNode().put("id", botId).put("is_bot", true).put("first_name", "Botfleet").put("username", username));
        m.set("chat", chatNode(chatId));
        m.put("date", now()).put("text", text);
        if (markup != null) m.set("reply_markup", markup);
        return m;
    }

    private static ObjectNode userNode(long chatId) {
        return NODES.objectNode().put("id", chatId).put("is_bot", false).put("first_name", "User" + chatId);
    }

    /** A private chat's id is its user's id. */
    private static ObjectNode chatNode(long chatId) {
        return NODES.objectNode().put("id", chatId).put("type", "private").put("first_name", "User" + chatId);
    }

    private static JsonNode markup(JsonNode raw) {
        if (raw == null || raw.isNull()) return null;
        return raw.isString() ? JSON.readTree(raw.asString()) : raw;
    }

    private static long now() { return System.currentTimeMillis() / 1000; }

    private static long asLong(JsonNode n) { return n.isNumber() ? n.asLong() : Long.parseLong(n.asString().trim()); }

    /** Parameters from the query string, then a form or JSON body (as Telegram accepts all of them). */
    private static Map<String, JsonNode> params(Request r) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        r.query().forEach((k, v) -> out.put(k, NODES.stringNode(v)));
        String type = r.header("content-type");
        if (r.body() == null || r.body().isBlank()) return out;
        if (type != null && type.startsWith("application/json")) {
            JSON.readTree(r.body()).properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        } else {
            FakeHttp.decodeForm(r.body()).forEach((k, v) -> out.put(k, NODES.stringNode(v)));
        }
        return out;
    }

    private static Response ok(JsonNode result) {
        ObjectNode body = NODES.objectNode().put("ok", true);
        body.set("result", result);
        return Response.json(200, body.toString());
    }

    private static Response error(int code, String description) {
        return Response.json(code, NODES.objectNode().put("ok", false).put("error_code", code)
                .put("description", description).toString());
    }

    private static Response tooMany(int retryAfter) {
        ObjectNode body = NODES.objectNode().put("ok", false).put("error_code", 429)
                .put("description", "Too Many Requests: retry after " + retryAfter);
        body.set("parameters", NODES.objectNode().put("retry_after", retryAfter));
        return Response.json(429, body.toString()).with("Retry-After", String.valueOf(retryAfter));
    }
}
