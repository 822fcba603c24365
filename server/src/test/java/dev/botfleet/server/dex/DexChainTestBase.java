package dev.botfleet.server.dex;

import dev.botfleet.dex.chain.LocalChain;
import dev.botfleet.dex.uniswap.LocalUniswap;
import dev.botfleet.server.runtime.RuntimeTestBase;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * DEX bots on a real local chain: each test class starts its own ganache with Uniswap deployed, and its Spring context
 * knows it as network {@code local} (the context is built with that chain's addresses, so it is the class's own).
 * Classes run one after another, so one chain at a time: the class's last test stops it and the next class starts a
 * new one.
 */
public abstract class DexChainTestBase extends RuntimeTestBase {
    protected static LocalChain chain;
    protected static LocalUniswap uniswap;

    @DynamicPropertySource
    static void localNetwork(DynamicPropertyRegistry registry) {
        if (chain == null) {
            chain = LocalChain.start();
            uniswap = LocalUniswap.deploy(chain);
        }
        LocalDexNetwork.register(registry, "local", chain, uniswap);
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) chain.close();
        chain = null;  // the next class (or the other database's variant) starts its own chain with its own context
        uniswap = null;
    }
}
