package dev.botfleet.server.notify.telegram;

import dev.botfleet.server.common.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** One-time link codes: issued to a signed-in user, redeemed by {@code /start <code>} in a private chat. */
@Service
public class TelegramLinking {
    public record IssuedCode(String code, String deepLink, Instant expiresAt) {
    }

    private final TelegramLinks links;
    private final TelegramProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TelegramLinking(TelegramLinks links, TelegramProperties properties, Clock clock) {
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public IssuedCode issue(UUID userId) {
        if (!properties.enabled()) throw new ApiException.Conflict("Telegram is not configured on this server");
        Instant now = clock.instant();
        if (links.codesSince(userId, now.minus(Duration.ofHours(1))) >= properties.linkCodesPerHour()) {
            throw new ApiException.RateLimited("Too many link codes: try again later", Duration.ofMinutes(10));
        }
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        // base64url: the characters a t.me start parameter allows (A-Z a-z 0-9 _ -)
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(properties.linkCodeLifetime());
        links.addCode(hash(code), userId, now, expiresAt);
        String name = properties.botName() == null ? "" : properties.botName();
        return new IssuedCode(code, "https://t.me/" + name + "?start=" + code, expiresAt);
    }

    /** Links the chat if the code is good; answers the words for the chat either way. Joins the caller's transaction. */
    public String redeem(String code, long chatId, String chatTitle) {
        Instant now = clock.instant();
        String hash = hash(code.trim());
        var found = links.codeForUpdate(hash);
        if (found.isEmpty()) return "That code is not one I know. Open Settings → Telegram in the dashboard for a new one.";
        if (found.get().usedAt() != null) return "That code has already been used. Ask the dashboard for a new one.";
        if (!now.isBefore(found.get().expiresAt())) return "That code has expired. Ask the dashboard for a new one.";
        links.useCode(hash, now);
        links.link(found.get().userId(), chatId, chatTitle, now);
        return "This chat is now linked to your botfleet account: alerts will come here. Send /help to see the commands.";
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
