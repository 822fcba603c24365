package dev.botfleet.server.notify.telegram;

/**
 * Telegram answered {@code ok:false} (or could not be reached: {@code errorCode} 0). The message names the method and
 * Telegram's description, never the request URL (it holds the token).
 */
public class TelegramApiException extends RuntimeException {
    private final int errorCode;
    private final int retryAfterSeconds;

    public TelegramApiException(String method, int errorCode, String description, int retryAfterSeconds) {
        super(method + ": " + (errorCode == 0 ? "" : errorCode + " ") + description, null, false, false);
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int errorCode() { return errorCode; }

    /** The 429 answer's {@code parameters.retry_after}, 0 otherwise. */
    public int retryAfterSeconds() { return retryAfterSeconds; }

    /** Resending will not help (bad request, bot blocked, chat gone). */
    public boolean permanent() { return errorCode == 400 || errorCode == 403; }
}
