package dev.botfleet.exchanges.coindcx;

import dev.botfleet.engine.order.OrderSide;
import dev.botfleet.exchanges.TradingClient;
import dev.botfleet.exchanges.Venue;
import dev.botfleet.exchanges.VenueEndpoints;
import dev.botfleet.exchanges.VenueSettings;
import dev.botfleet.exchanges.contract.VenueFixture;
import dev.botfleet.fakes.FakeAccount;
import dev.botfleet.fakes.FakeOrder;
import dev.botfleet.fakes.FakeVenue;
import dev.botfleet.fakes.StandardSetup;
import dev.botfleet.fakes.coindcx.FakeCoinDcx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * CoinDCX futures for the conformance suite: {@link FakeCoinDcx} on loopback (one server for the API and public
 * hosts, one for the Socket.IO stream) and a {@link CoinDcxVenue} pointed at it with 2 s timeouts. IOC is offered
 * (immediate_or_cancel); post-only is not ("Not supported at the moment"); there is no testnet.
 *
 * <p>No client order ids: the venue's accepted orders are named by the client id the adapter bound each to, and an
 * order the adapter never bound shows as "unclaimed <id>" — so a second placement of one order would still be seen.
 */
public final class CoinDcxFixture implements VenueFixture {

    @Override
    public String venue() { return "coindcx"; }

    @Override
    public FakeVenue startFake() { return new FakeCoinDcx(); }

    @Override
    public Venue venue(FakeVenue fake) {
        VenueEndpoints endpoints = new VenueEndpoints(fake.restUrl(), fake.marketStreamUrl(), fake.userStreamUrl());
        return new CoinDcxVenue(new VenueSettings(endpoints, null, Duration.ofSeconds(10), Duration.ofSeconds(2)),
                fake.restUrl());
    }

    @Override
    public Set<Ability> abilities() { return EnumSet.of(Ability.IOC); }

    @Override
    public String btcUsdt() { return FakeCoinDcx.BTC_USDT; }

    @Override
    public List<String> acceptedClientIds(FakeVenue fake, TradingClient client) {
        FakeCoinDcx coindcx = (FakeCoinDcx) fake;
        CoinDcxTrading trading = (CoinDcxTrading) client;
        FakeAccount account = fake.engine().account(StandardSetup.API_KEY);
        List<String> ids = new ArrayList<>();
        for (FakeOrder o : fake.engine().orders(account)) {
            String venueOrderId = coindcx.orderId(o);
            String ours = trading.venueClientIdOf(venueOrderId);
            ids.add(ours != null ? ours : "unclaimed " + venueOrderId);
        }
        return ids;
    }

    @Override
    public FakeOrder findOrder(FakeVenue fake, FakeAccount account, String venueClientId, String exchangeOrderId) {
        FakeCoinDcx coindcx = (FakeCoinDcx) fake;
        for (FakeOrder o : fake.engine().orders(account)) {
            if (coindcx.orderId(o).equals(exchangeOrderId)) return o;
        }
        return null;
    }

    @Override
    public String feeAsset(OrderSide side) { return "USDT"; }

    @Override
    public boolean perpetual() { return true; }
}
