package dev.botfleet.server.common;

import java.io.IOException;

/**
 * A request body grew past its cap while being read (chunked, so no Content-Length to check up front). An
 * {@link IOException} so it travels through the message converters; {@link ProblemHandler} turns it into a 413.
 */
public class BodyTooLargeException extends IOException {
    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
