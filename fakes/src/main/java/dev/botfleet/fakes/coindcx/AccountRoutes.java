package dev.botfleet.fakes.coindcx;

import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeHttp.Response;
import dev.botfleet.fakes.FakeMarket;
import dev.botfleet.fakes.MatchingEngine;
import dev.botfleet.fakes.perp.PerpLedger;
import dev.botfleet.fakes.perp.PerpRefused;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Positions (List Positions, and its {@code pairs} filter), positions/update_leverage and wallets (a GET with a signed
 * body), over the shared perpetual ledger. Position and wallet ids are fixed per account and pair, as the docs say
 * ("This remains fixed for a particular pair").
 */
final class AccountRoutes {
    private final MatchingEngine engine;
    private final PerpLedger ledger;
    private final LongSupplier clock;

    AccountRoutes(MatchingEngine engine, PerpLedger ledger, LongSupplier clock) {
        this.engine = engine;
        this.ledger = ledger;
        this.clock = clock;
    }

    static String positionId(FakeAccount account, String pair) {
        return UUID.nameUUIDFromBytes((account.apiKey + "/" + pair).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String walletId(FakeAccount account) {
        return UUID.nameUUIDFromBytes((account.apiKey + "/USDT").getBytes(StandardCharsets.UTF_8)).toString();
    }

    Response positions(FakeAccount account, JsonNode body) {
        String pairs = Json.text(body, "pairs");
        Set<String> wanted = pairs.isEmpty() ? null : Set.of(pairs.split(","));
        ArrayNode rows = Json.array();
        for (FakeMarket m : engine.markets()) {
            if (wanted != null && !wanted.contains(m.venueSymbol)) continue;
            rows.add(Views.position(positionId(account, m.venueSymbol), ledger.position(account, m.venueSymbol),
                    ledger.markPrice(m.venueSymbol), ledger.orderMargin(account, m.venueSymbol), clock.getAsLong()));
        }
        return Response.json(200, Json.write(rows));
    }

    /** The leverage is a string in the docs ("leverage": "5"); the refusals are their words. */
    Response updateLeverage(FakeAccount account, JsonNode body) {
        String pair = Json.text(body, "pair");
        if (engine.market(pair) == null) throw CoinDcxError.invalid("pair is mandatory");
        BigDecimal leverage = Json.decimal(body, "leverage");
        if (leverage == null) throw CoinDcxError.invalid("leverage is mandatory");
        if (leverage.compareTo(BigDecimal.ONE) < 0) throw new CoinDcxError(400, "Leverage cannot be less than 1x");
        BigDecimal max = ledger.terms(pair).maxLeverage();
        if (leverage.compareTo(max) > 0) {
            throw new CoinDcxError(400, "Max allowed leverage for current position size = " + max.toPlainString() + "x");
        }
        try {
            ledger.setLeverage(account, pair, leverage);
        } catch (PerpRefused e) {
            throw new CoinDcxError(400, "Insufficient funds");
        }
        return Response.json(200, "{\"message\":\"success\",\"status\":200,\"code\":200}");
    }

    /** The USDT futures wallet: free is {@code balance}, margin held by positions and orders {@code locked_balance}. */
    Response wallets(FakeAccount account, JsonNode body) {
        ArrayNode rows = Json.array();
        rows.add(Views.wallet(walletId(account), "USDT", account.free("USDT"), account.locked("USDT")));
        return Response.json(200, Json.write(rows));
    }
}
