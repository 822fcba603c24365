package dev.botfleet.server.stream;

import java.util.List;

/**
 * What one WebSocket frame of the stream holds: a single message as it is ({@code {"type":...,"data":...}}), or
 * several as {@code {"type":"batch","data":[message, message, ...]}} in the order they happened (docs/api.md).
 * Batching is what lets one connection carry a fleet's fills: a frame costs a write and a flush, a message in a
 * batch only its bytes.
 */
final class StreamFrames {
    /** A frame stops taking messages past this size (characters), so no frame grows without bound. */
    static final int MAX_FRAME_CHARS = 256 * 1024;
    private static final String BATCH_START = "{\"type\":\"batch\",\"data\":[";

    private StreamFrames() {
    }

    /** @param messages serialized messages, at least one */
    static String frame(List<String> messages) {
        if (messages.size() == 1) return messages.getFirst();
        int length = BATCH_START.length() + 2 + messages.size();
        for (String m : messages) length += m.length();
        StringBuilder frame = new StringBuilder(length).append(BATCH_START);
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) frame.append(',');
            frame.append(messages.get(i));
        }
        return frame.append("]}").toString();
    }
}
