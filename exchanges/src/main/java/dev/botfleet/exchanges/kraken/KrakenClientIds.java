package dev.botfleet.exchanges.kraken;

import dev.botfleet.exchanges.ClientIdCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Kraken's {@code cl_ord_id} takes a long UUID (36 characters with hyphens), a short UUID (32 hex characters) or
 * free text of at most 18 characters (https://docs.kraken.com/api/docs/guides/spot-clordid; the 18-character limit is
 * the FIX ClOrdID rule the REST field shares). Our default ids (23+ base64url characters) fit none, so a bot's ids
 * here are short UUIDs: 88 bits of the bot's UUID as 22 hex digits (the prefix that routes events to the bot) and the
 * order sequence as 10 hex digits (40 bits). Deterministic and reversible by the owning bot, like the default codec.
 */
public final class KrakenClientIds extends ClientIdCodec {
    private static final long MAX_SEQUENCE = (1L << 40) - 1;
    private final String botId;
    private final String prefix;

    public KrakenClientIds(String botId) {
        super(botId);
        this.botId = botId;
        this.prefix = HexFormat.of().formatHex(bits(botId), 0, 11);
    }

    @Override
    public String prefix() { return prefix; }

    @Override
    public String toVenue(String clientOrderId) {
        String expected = botId + "-";
        if (!clientOrderId.startsWith(expected)) {
            throw new IllegalArgumentException("client order id " + clientOrderId + " is not bot " + botId + "'s");
        }
        long sequence = Long.parseLong(clientOrderId.substring(expected.length()));
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("order sequence " + sequence + " does not fit a Kraken cl_ord_id");
        }
        return prefix + String.format("%010x", sequence);
    }

    @Override
    public String fromVenue(String venueClientId) {
        if (venueClientId == null || venueClientId.length() != 32) return null;
        String id = venueClientId.toLowerCase(java.util.Locale.ROOT);
        if (!id.startsWith(prefix)) return null;
        try {
            return botId + "-" + Long.parseLong(id.substring(22), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The UUID's 16 bytes; any other bot id is hashed, so it still yields a stable prefix. */
    private static byte[] bits(String botId) {
        try {
            UUID uuid = UUID.fromString(botId);
            return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                    .array();
        } catch (IllegalArgumentException notUuid) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(botId.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
