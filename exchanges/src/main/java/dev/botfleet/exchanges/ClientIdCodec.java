package dev.botfleet.exchanges;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Our client order ids are {@code <botId>-<sequence>} with a UUID bot id: 40+ characters. Binance and Bybit accept at
 * most 36 characters of {@code [A-Za-z0-9_-]}. The venue id is therefore the bot's UUID in URL-safe base64 (22
 * characters) followed by the sequence in base 36: deterministic (the same order always gets the same venue id, so a
 * resend after a crash is recognised as a duplicate) and reversible by the bot that owns it.
 */
public class ClientIdCodec {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]+");
    private final String botId;
    private final String prefix;

    public ClientIdCodec(String botId) {
        this.botId = botId;
        this.prefix = prefixOf(botId);
    }

    /** What every venue id of this bot starts with. */
    public String prefix() { return prefix; }

    public String toVenue(String clientOrderId) {
        String expected = botId + "-";
        if (!clientOrderId.startsWith(expected)) {
            throw new IllegalArgumentException("client order id " + clientOrderId + " is not bot " + botId + "'s");
        }
        long sequence = Long.parseLong(clientOrderId.substring(expected.length()));
        return prefix + Long.toString(sequence, 36);
    }

    /** Our id for a venue id of this bot, or null if the venue id is not this bot's. */
    public String fromVenue(String venueClientId) {
        if (venueClientId == null || !venueClientId.startsWith(prefix)) return null;
        String rest = venueClientId.substring(prefix.length());
        if (rest.isEmpty()) return null;
        try {
            return botId + "-" + Long.parseLong(rest, 36);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A UUID becomes 22 base64url characters and an "x" (23 characters for every bot); short test ids stay as they are. */
    static String prefixOf(String botId) {
        try {
            UUID uuid = UUID.fromString(botId);
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()) + "x";
        } catch (IllegalArgumentException notUuid) {
            if (!SAFE.matcher(botId).matches() || botId.length() > 24) {
                throw new IllegalArgumentException("bot id " + botId + " cannot be part of a venue client order id");
            }
            return botId + "x";
        }
    }
}
