package dev.botfleet.server.bot;

import dev.botfleet.engine.market.MarginSettings;
import dev.botfleet.engine.market.Instrument;
import dev.botfleet.engine.strategy.definition.ParameterDefinition;
import dev.botfleet.engine.strategy.definition.ParameterType;
import dev.botfleet.engine.strategy.definition.ParameterViolation;
import dev.botfleet.engine.strategy.definition.StrategyDefinition;
import dev.botfleet.server.common.Violations;
import dev.botfleet.server.exchange.Exchange;
import dev.botfleet.server.exchange.ExchangeCatalog;
import dev.botfleet.strategies.StrategyCatalog;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a {@link BotRequest} into a {@link BotSpec}: every field checked, the config validated against the strategy's
 * definition, then resolved against the instrument (prices rounded to the tick size, quantities to the lot size, the
 * minimum quantity and notional enforced). All problems are reported at once, each naming its field.
 *
 * <p>Parameters are recognised by unit: {@code base} is a quantity, {@code quote} a price.
 */
@Component
public class BotResolver {
    static final int MAX_INTEGER_DIGITS = 20;
    static final int MAX_FRACTION_DIGITS = 18;
    private final StrategyCatalog strategies;
    private final ExchangeCatalog exchanges;
    private final CredentialCheck credentials;
    private final ModelCheck models;
    /** Venues whose LIVE bots sign with one of the owner's wallets, not an exchange API key (DEX networks). */
    private WalletVenues walletVenues = exchangeId -> false;

    /** Without a model registry: a {@code model} parameter is taken as given (unit tests of other strategies). */
    public BotResolver(StrategyCatalog strategies, ExchangeCatalog exchanges, CredentialCheck credentials) {
        this(strategies, exchanges, credentials, (owner, model) -> Optional.empty());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public BotResolver(StrategyCatalog strategies, ExchangeCatalog exchanges, CredentialCheck credentials,
                       ModelCheck models) {
        this.strategies = strategies;
        this.exchanges = exchanges;
        this.credentials = credentials;
        this.models = models;
    }

    /** LIVE on these venues needs no API key: the bot names a wallet of the owner's (checked by the venue). */
    public interface WalletVenues {
        boolean signsWithWallet(String exchangeId);
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void walletVenues(WalletVenues venues) {
        this.walletVenues = venues;
    }

    public BotSpec resolve(UUID ownerId, BotRequest request) {
        Violations v = new Violations();
        String name = v.text("name", request.name(), 100);
        Exchange exchange = exchange(v, request.exchange());
        Instrument instrument = exchange == null ? null : instrument(v, exchange, request.symbol());
        StrategyDefinition definition = strategy(v, request.strategy());
        BotMode mode = v.oneOf("mode", request.mode(), BotMode.class, true);
        UUID credentialId = null;
        if (mode == BotMode.LIVE && exchange != null) {
            Optional<String> problem = liveProblem(ownerId, exchange);
            problem.ifPresent(p -> v.add("mode", p, request.mode()));
            if (problem.isEmpty() && !walletVenues.signsWithWallet(exchange.id())) {
                credentialId = credential(v, ownerId, exchange, request.credentialId());
            }
        }
        Map<String, Object> config = definition == null ? null : config(v, definition, instrument, request.config());
        if (config != null && config.get(MODEL) instanceof String model) {
            // a bot may only run its owner's models (ml-signal): another user's id is as unknown as a made-up one
            models.problem(ownerId, model).ifPresent(p -> v.add("config." + MODEL, p, model));
        }
        MarginSettings margin = MarginChoice.resolve(v, instrument, request.leverage(), request.marginMode());
        v.throwIfAny();
        return new BotSpec(name, exchange.id(), instrument.symbol(), definition.id(), mode, config, credentialId, margin);
    }

    /** A LIVE bot names the key it trades with: one of the owner's keys, for the bot's exchange. */
    private UUID credential(Violations v, UUID ownerId, Exchange exchange, String value) {
        if (value == null || value.isBlank()) {
            v.add("credentialId", "is required for LIVE: the id of one of your API keys for '" + exchange.id() + "'", value);
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            v.add("credentialId", "must be a key id (a UUID)", value);
            return null;
        }
        Optional<String> keyExchange = credentials.exchangeOf(ownerId, id);
        if (keyExchange.isEmpty()) {
            v.add("credentialId", "no such API key", value);
        } else if (!keyExchange.get().equals(exchange.id())) {
            v.add("credentialId", "is a key for '" + keyExchange.get() + "', not '" + exchange.id() + "'", value);
        } else {
            return id;
        }
        return null;
    }

    /** Why LIVE trading on this exchange is impossible for this owner right now, if it is. */
    public Optional<String> liveProblem(UUID ownerId, String exchangeId) {
        return exchanges.find(exchangeId).flatMap(e -> liveProblem(ownerId, e));
    }

    private Optional<String> liveProblem(UUID ownerId, Exchange exchange) {
        if (walletVenues.signsWithWallet(exchange.id())) return Optional.empty();
        if (!exchange.liveTrading()) {
            return Optional.of("LIVE is not available on '" + exchange.id() + "': it has no live trading adapter "
                    + "(paper trading only); use PAPER");
        }
        if (!credentials.hasCredential(ownerId, exchange.id())) {
            return Optional.of("LIVE on '" + exchange.id() + "' needs an API key: store one with POST /api/v1/credentials first");
        }
        return Optional.empty();
    }

    private Exchange exchange(Violations v, String id) {
        String value = v.text("exchange", id, 32);
        if (value == null) return null;
        Exchange exchange = exchanges.find(value).orElse(null);
        if (exchange == null) v.add("exchange", "unknown exchange; known: " + exchanges.ids(), id);
        return exchange;
    }

    private Instrument instrument(Violations v, Exchange exchange, String symbol) {
        String value = v.text("symbol", symbol, 32);
        if (value == null) return null;
        Instrument instrument = exchange.instrument(value).orElse(null);
        if (instrument == null) {
            v.add("symbol", "unknown symbol on '" + exchange.id() + "'; known: "
                    + String.join(", ", exchange.instruments().stream().map(Instrument::symbol).toList()), symbol);
        }
        return instrument;
    }

    private StrategyDefinition strategy(Violations v, String id) {
        String value = v.text("strategy", id, 64);
        if (value == null) return null;
        StrategyDefinition definition = strategies.find(value).orElse(null);
        if (definition == null) {
            v.add("strategy", "unknown strategy; known: "
                    + String.join(", ", strategies.definitions().stream().map(StrategyDefinition::id).toList()), id);
        }
        return definition;
    }

    private Map<String, Object> config(Violations v, StrategyDefinition definition, Instrument instrument,
                                       Map<String, Object> raw) {
        StrategyDefinition.Validation checked = definition.validate(raw == null ? Map.of() : raw);
        if (!checked.valid()) {
            addAll(v, checked.violations(), "");
            return null;
        }
        if (instrument == null) return null;
        Map<String, Object> resolved = new LinkedHashMap<>(checked.config().asMap());
        int before = countOf(v);
        checkDigits(v, resolved);
        if (countOf(v) > before) return null;
        roundToInstrument(v, definition, instrument, resolved);
        if (countOf(v) > before) return null;
        // rounding can break a cross-parameter rule (two prices landing on the same tick), so check again
        StrategyDefinition.Validation again = definition.validate(resolved);
        if (!again.valid()) {
            addAll(v, again.violations(), " (after rounding to " + instrument.symbol() + "'s tick and lot size)");
            return null;
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        again.config().asMap().forEach((k, value) -> stored.put(k, value instanceof BigDecimal d ? d.toPlainString() : value));
        return stored;
    }

    private static void roundToInstrument(Violations v, StrategyDefinition definition, Instrument instrument,
                                          Map<String, Object> values) {
        String quote = instrument.quoteAsset();
        for (ParameterDefinition p : definition.parameters()) {
            if (p.type() != ParameterType.DECIMAL || !(values.get(p.name()) instanceof BigDecimal value)) continue;
            if ("base".equals(p.unit())) {
                BigDecimal rounded = instrument.roundQuantity(value);
                if (rounded.compareTo(instrument.minQuantity()) < 0) {
                    v.add("config." + p.name(), "rounds to " + rounded.toPlainString() + " at the lot size "
                            + instrument.lotSize().toPlainString() + ", below the minimum quantity "
                            + instrument.minQuantity().toPlainString() + " of " + instrument.symbol(), value);
                } else {
                    values.put(p.name(), rounded);
                }
            } else if ("quote".equals(p.unit())) {
                BigDecimal rounded = instrument.roundPrice(value);
                if (value.signum() > 0 && rounded.signum() <= 0) {  // 0 itself can mean "off" (e.g. a grid's stopLossPrice)
                    v.add("config." + p.name(), "rounds to 0 at the tick size " + instrument.tickSize().toPlainString(), value);
                } else {
                    values.put(p.name(), rounded);
                }
            }
        }
        for (ParameterDefinition q : definition.parameters()) {
            if (!"base".equals(q.unit()) || !(values.get(q.name()) instanceof BigDecimal quantity)) continue;
            for (ParameterDefinition p : definition.parameters()) {
                if (!"quote".equals(p.unit()) || !(values.get(p.name()) instanceof BigDecimal price)) continue;
                BigDecimal notional = quantity.multiply(price);
                if (notional.compareTo(instrument.minNotional()) < 0 && !v.has("config." + q.name())) {
                    v.add("config." + q.name(), "order value " + quantity.toPlainString() + " × " + p.name() + " "
                            + price.toPlainString() + " = " + notional.stripTrailingZeros().toPlainString() + " " + quote
                            + " is below the minimum order value " + instrument.minNotional().toPlainString() + " " + quote,
                            values.get(q.name()));
                }
            }
        }
    }

    /**
     * Decimals must fit NUMERIC(38, 18), where orders and positions will store them; this also keeps absurd exponents
     * (1e999999999) away from the rounding arithmetic, which would otherwise expand them digit by digit.
     */
    private static void checkDigits(Violations v, Map<String, Object> values) {
        values.forEach((name, value) -> {
            if (value instanceof BigDecimal d) {
                BigDecimal plain = d.stripTrailingZeros();
                if (plain.precision() - plain.scale() > MAX_INTEGER_DIGITS || plain.scale() > MAX_FRACTION_DIGITS) {
                    v.add("config." + name, "must have at most " + MAX_INTEGER_DIGITS + " digits before and "
                            + MAX_FRACTION_DIGITS + " after the decimal point", value);
                }
            }
        });
    }

    private static void addAll(Violations v, List<ParameterViolation> violations, String suffix) {
        for (ParameterViolation p : violations) v.add("config." + p.field(), p.message() + suffix, p.rejectedValue());
    }

    private static int countOf(Violations v) {
        return v.count();
    }

    /** A strategy parameter naming one of the owner's registered models (ml-signal). */
    static final String MODEL = "model";

    /** What the resolver needs to know about registered models (implemented by the model registry). */
    public interface ModelCheck {
        /** Why {@code modelId} cannot be used by the owner's bots (no such model of theirs), if it cannot. */
        Optional<String> problem(UUID ownerId, String modelId);
    }

    /** What the resolver needs to know about stored API keys (implemented by the credential vault). */
    public interface CredentialCheck {
        boolean hasCredential(UUID ownerId, String exchange);

        /** The exchange of one of the owner's keys; empty if the owner has no such key. */
        Optional<String> exchangeOf(UUID ownerId, UUID credentialId);
    }
}
