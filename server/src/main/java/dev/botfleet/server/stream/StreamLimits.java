package dev.botfleet.server.stream;

import java.time.Duration;

/**
 * How much one stream session may hold back and how long a send may take (docs/api/stream.md, "Event stream").
 *
 * @param maxQueuedEvents order, trade, log and other events a session may have waiting; one more means the client
 *                        cannot keep up, and the session is closed with 1013 rather than losing an event
 * @param maxBatch        messages sent together in one frame at most
 * @param sendTimeout     a frame the network has not taken within this time ends the session (1011), so a stuck
 *                        connection is closed instead of silently holding everything back
 */
record StreamLimits(int maxQueuedEvents, int maxBatch, Duration sendTimeout) {
    StreamLimits {
        if (maxQueuedEvents < 1) throw new IllegalArgumentException("botfleet.stream.max-queued-events must be at least 1");
        if (maxBatch < 1) throw new IllegalArgumentException("botfleet.stream.max-batch must be at least 1");
        if (sendTimeout.toMillis() < 1) throw new IllegalArgumentException("botfleet.stream.send-timeout must be at least 1ms");
    }
}
