package dev.botfleet.fakes.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the fake POSTs one update to a webhook, as Telegram does: JSON body, the secret_token in
 * {@code X-Telegram-Bot-Api-Secret-Token} when one was set; any status other than 2xx (or no answer) is a failure.
 */
final class WebhookSender {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /** What setWebhook registered. */
    record Hook(String url, String secret) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger attempts = new AtomicInteger();

    /** The status code, or 0 when the endpoint could not be reached. */
    int post(Hook hook, String body) {
        attempts.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (hook.secret() != null) request.header(SECRET_HEADER, hook.secret());
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    int attempts() { return attempts.get(); }

    static boolean ok(int status) { return status >= 200 && status < 300; }
}
