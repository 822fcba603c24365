package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.ChainConnection;
import dev.botfleet.dex.chain.Network;
import dev.botfleet.dex.uniswap.UniswapContracts;
import dev.botfleet.dex.uniswap.UniswapQuoter;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured networks and one shared connection to each, opened on first use (a node that is down at server start
 * does not stop the server; a bot on it cannot start until it answers).
 */
@Component
public class DexNetworks {
    /** Exchange ids of DEX markets start with this: {@code dex:local}, {@code dex:ethereum}. */
    public static final String PREFIX = "dex:";
    private static final int MAX_NAME = 28;  // bots.exchange is VARCHAR(32), minus "dex:"

    private final Map<String, Configured> networks = new LinkedHashMap<>();

    /** One network as configured, and its connection once opened. */
    static final class Configured {
        final Network network;
        final UniswapContracts contracts;
        private ChainConnection connection;
        private UniswapQuoter quoter;

        Configured(Network network, UniswapContracts contracts) {
            this.network = network;
            this.contracts = contracts;
        }

        synchronized ChainConnection connection() {
            if (connection == null) {
                connection = ChainConnection.open(network);
                quoter = new UniswapQuoter(connection.reader(), contracts);
            }
            return connection;
        }

        synchronized UniswapQuoter quoter() {
            connection();
            return quoter;
        }

        synchronized void close() {
            if (connection != null) connection.close();
        }
    }

    public DexNetworks(DexProperties properties) {
        properties.networks().forEach((name, s) -> {
            if (name.length() > MAX_NAME) {
                throw new IllegalArgumentException("botfleet.dex.networks." + name + ": the name must be at most "
                        + MAX_NAME + " characters");
            }
            String at = "botfleet.dex.networks." + name + ".";
            requireAddress(at + "weth", s.weth());
            requireAddress(at + "v2-factory", s.v2Factory());
            requireAddress(at + "v2-router", s.v2Router());
            requireAddress(at + "v3-factory", s.v3Factory());
            requireAddress(at + "v3-swap-router", s.v3SwapRouter());
            requireAddress(at + "v3-quoter", s.v3Quoter());
            if (s.v3PositionManager() != null) requireAddress(at + "v3-position-manager", s.v3PositionManager());
            if (s.wsUrl() == null) throw new IllegalArgumentException(at + "ws-url is required: the price feed follows new blocks over it");
            Network network;
            try {
                network = new Network(name, s.chainId(), s.rpcUrl(), s.wsUrl());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage(), e);
            }
            networks.put(name, new Configured(network, new UniswapContracts(s.weth(), s.v2Factory(), s.v2Router(),
                    s.v3Factory(), s.v3SwapRouter(), s.v3PositionManager(), s.v3Quoter())));
        });
    }

    private static void requireAddress(String property, String value) {
        if (value == null || !value.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException(property + " must be a contract address (0x and 40 hex digits), was " + value);
        }
    }

    public List<String> names() {
        return List.copyOf(networks.keySet());
    }

    Optional<Configured> find(String name) {
        return Optional.ofNullable(name == null ? null : networks.get(name));
    }

    /** The network of a DEX exchange id ({@code dex:local} -> local), if it is one of ours. */
    Optional<Configured> ofExchange(String exchange) {
        if (exchange == null || !exchange.startsWith(PREFIX)) return Optional.empty();
        return find(exchange.substring(PREFIX.length()));
    }

    public static String exchangeId(String network) {
        return PREFIX + network;
    }

    @PreDestroy
    void close() {
        networks.values().forEach(Configured::close);
    }
}
