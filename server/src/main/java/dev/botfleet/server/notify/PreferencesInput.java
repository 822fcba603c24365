package dev.botfleet.server.notify;

import dev.botfleet.server.common.ApiException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A PUT /notifications/preferences body checked field by field: every mistake is a 400 naming its field
 * ({@code defaults.email.FILL}, {@code overrides[2].botId}, {@code timeZone}, ...).
 */
record PreferencesInput(List<AlertChoices.Choice> choices, Integer summaryHour, ZoneId timeZone) {
    private static final int MAX_OVERRIDES = 2000;

    /** @param ownsBot whether a bot id is one of the caller's bots */
    static PreferencesInput of(Map<String, Object> body, Predicate<UUID> ownsBot) {
        if (body == null) throw invalid("body", "a JSON object is required", null);
        List<AlertChoices.Choice> choices = new ArrayList<>();
        defaults(body.get("defaults"), choices);
        overrides(body.get("overrides"), ownsBot, choices);
        // one choice per channel, kind and bot: a repeated one replaces the earlier
        Map<List<Object>, AlertChoices.Choice> unique = new java.util.LinkedHashMap<>();
        for (AlertChoices.Choice c : choices) unique.put(java.util.Arrays.asList(c.channel(), c.kind(), c.botId()), c);
        return new PreferencesInput(List.copyOf(unique.values()), hour(body.get("dailySummaryHour")), zone(body.get("timeZone")));
    }

    private static void defaults(Object value, List<AlertChoices.Choice> out) {
        if (value == null) return;
        if (!(value instanceof Map<?, ?> channels)) throw invalid("defaults", "must be an object of channels", value);
        for (var entry : channels.entrySet()) {
            String field = "defaults." + entry.getKey();
            AlertChannel channel = channel(entry.getKey(), field);
            if (!(entry.getValue() instanceof Map<?, ?> kinds)) throw invalid(field, "must be an object of kinds", entry.getValue());
            for (var k : kinds.entrySet()) {
                String kindField = field + "." + k.getKey();
                out.add(new AlertChoices.Choice(channel, kind(k.getKey(), kindField), null, flag(k.getValue(), kindField)));
            }
        }
    }

    private static void overrides(Object value, Predicate<UUID> ownsBot, List<AlertChoices.Choice> out) {
        if (value == null) return;
        if (!(value instanceof Collection<?> list)) throw invalid("overrides", "must be a list", value);
        if (list.size() > MAX_OVERRIDES) throw invalid("overrides", "must have at most " + MAX_OVERRIDES + " entries", null);
        int i = 0;
        for (Object item : list) {
            String field = "overrides[" + i++ + "]";
            if (!(item instanceof Map<?, ?> o)) throw invalid(field, "must be an object", item);
            UUID bot = bot(o.get("botId"), field + ".botId", ownsBot);
            out.add(new AlertChoices.Choice(channel(o.get("channel"), field + ".channel"), kind(o.get("kind"), field + ".kind"),
                    bot, flag(o.get("enabled"), field + ".enabled")));
        }
    }

    private static UUID bot(Object value, String field, Predicate<UUID> ownsBot) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be the id of one of your bots", value);
        }
        if (value == null || !ownsBot.test(id)) throw invalid(field, "must be the id of one of your bots", value);
        return id;
    }

    private static AlertChannel channel(Object value, String field) {
        return AlertChannel.of(String.valueOf(value)).orElseThrow(() -> invalid(field,
                "unknown channel; known: telegram, email, webhook", value));
    }

    private static BotAlert.Kind kind(Object value, String field) {
        for (BotAlert.Kind k : BotAlert.Kind.values()) if (k.name().equals(value)) return k;
        throw invalid(field, "unknown kind; known: " + EnumSet.allOf(BotAlert.Kind.class), value);
    }

    private static boolean flag(Object value, String field) {
        if (!(value instanceof Boolean b)) throw invalid(field, "must be true or false", value);
        return b;
    }

    private static Integer hour(Object value) {
        if (value == null) return null;
        if (!(value instanceof Integer h) || h < 0 || h > 23) {
            throw invalid("dailySummaryHour", "must be a whole hour from 0 to 23, or null for no summary", value);
        }
        return h;
    }

    private static ZoneId zone(Object value) {
        if (value == null) return ZoneId.of("UTC");
        if (!(value instanceof String s) || !ZoneId.getAvailableZoneIds().contains(s)) {
            throw invalid("timeZone", "must be an IANA time zone id, e.g. Europe/Berlin or UTC", value);
        }
        return ZoneId.of(s);
    }

    private static ApiException.Invalid invalid(String field, String message, Object value) {
        // a rejected value is echoed only when it is short and plain (never a whole nested object)
        Object echo = value instanceof String s && s.length() <= 100 || value instanceof Number || value instanceof Boolean ? value : null;
        return new ApiException.Invalid(field, message, echo);
    }
}
