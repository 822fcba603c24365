package dev.botfleet.server.dex;

import dev.botfleet.server.exchange.Exchange;
import dev.botfleet.server.exchange.ExchangeSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered DEX markets ({@code dex_markets}), kept in memory for the exchange catalog: every configured network
 * is an exchange {@code dex:<network>} listing the pairs registered on it.
 */
@Component
class DexMarkets implements ExchangeSource {
    private final JdbcClient jdbc;
    private final DexNetworks networks;
    private final Clock clock;
    /** exchange id + "|" + symbol -> market; loaded on first use. */
    private volatile Map<String, DexMarket> markets;

    DexMarkets(JdbcClient jdbc, DexNetworks networks, Clock clock) {
        this.jdbc = jdbc;
        this.networks = networks;
        this.clock = clock;
    }

    @Override
    public List<Exchange> exchanges() {
        List<Exchange> all = new ArrayList<>();
        Map<String, DexMarket> known = markets();
        for (String network : networks.names()) {
            String id = DexNetworks.exchangeId(network);
            all.add(new Exchange(id, "Uniswap on " + network + " (paper)", false,
                    known.values().stream().filter(m -> m.exchange().equals(id)).map(DexMarket::instrument).toList()));
        }
        return all;
    }

    Optional<DexMarket> find(String exchange, String symbol) {
        return Optional.ofNullable(markets().get(exchange + "|" + symbol));
    }

    /**
     * Registers the pair, or returns it if it is registered already.
     *
     * @throws IllegalStateException if the symbol pair names other token contracts on this network
     */
    synchronized DexMarket register(DexMarket market) {
        DexMarket existing = markets().get(market.exchange() + "|" + market.symbol());
        if (existing != null) {
            if (existing.baseToken().equalsIgnoreCase(market.baseToken())
                    && existing.quoteToken().equalsIgnoreCase(market.quoteToken())) return existing;
            throw new IllegalStateException(market.symbol() + " on " + market.network() + " is already the pair "
                    + existing.baseToken() + " / " + existing.quoteToken());
        }
        jdbc.sql("""
                INSERT INTO dex_markets (network, symbol, base_token, quote_token, base_decimals, quote_decimals,
                                         created_at)
                VALUES (:network, :symbol, :base, :quote, :bd, :qd, :at)""")
                .param("network", market.network()).param("symbol", market.symbol())
                .param("base", market.baseToken()).param("quote", market.quoteToken())
                .param("bd", market.baseDecimals()).param("qd", market.quoteDecimals())
                .param("at", Timestamp.from(clock.instant())).update();
        markets().put(market.exchange() + "|" + market.symbol(), market);
        return market;
    }

    private Map<String, DexMarket> markets() {
        Map<String, DexMarket> loaded = markets;
        if (loaded != null) return loaded;
        synchronized (this) {
            if (markets != null) return markets;
            Map<String, DexMarket> all = new ConcurrentHashMap<>();
            jdbc.sql("SELECT * FROM dex_markets").query((rs, n) -> {
                String symbol = rs.getString("symbol");
                int slash = symbol.indexOf('/');
                return new DexMarket(rs.getString("network"), rs.getString("base_token"), rs.getString("quote_token"),
                        symbol.substring(0, slash), symbol.substring(slash + 1), rs.getInt("base_decimals"),
                        rs.getInt("quote_decimals"));
            }).list().forEach(m -> all.put(m.exchange() + "|" + m.symbol(), m));
            markets = all;
            return all;
        }
    }
}
