package dev.botfleet.dex.risk;

import org.web3j.crypto.Hash;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The function signatures of owner privileges found in common tokens (OpenZeppelin, the fee-on-transfer and
 * "anti-bot" token templates). Each is matched by its 4-byte selector: the first four bytes of keccak-256 of the
 * signature, as the Solidity ABI dispatches calls.
 */
final class KnownSelectors {
    static final Map<Privilege, List<String>> SIGNATURES = Map.of(
            Privilege.MINT, List.of("mint(address,uint256)", "mint(uint256)", "mintTo(address,uint256)",
                    "issue(uint256)"),
            Privilege.PAUSE, List.of("pause()", "unpause()", "setPaused(bool)", "setPause(bool)"),
            Privilege.BLACKLIST, List.of("blacklist(address)", "addToBlacklist(address)", "setBlacklist(address,bool)",
                    "blacklistAddress(address,bool)", "addBlackList(address)", "setBots(address[],bool)",
                    "setBot(address,bool)", "blockBots(address[])"),
            Privilege.FEE_SETTER, List.of("setFee(uint256)", "setFees(uint256,uint256)", "setTaxFee(uint256)",
                    "setBuyFee(uint256)", "setSellFee(uint256)", "setTax(uint256)", "updateFees(uint256,uint256)",
                    "setLiquidityFee(uint256)", "setTaxes(uint256,uint256)"),
            Privilege.TRADING_LIMITS, List.of("setMaxTxAmount(uint256)", "setMaxWalletSize(uint256)",
                    "enableTrading()", "setTradingEnabled(bool)", "setTrading(bool)"),
            Privilege.UPGRADE, List.of("upgradeTo(address)", "upgradeToAndCall(address,bytes)"),
            Privilege.ROLES, List.of("grantRole(bytes32,address)"),
            Privilege.OWNERSHIP, List.of("transferOwnership(address)", "renounceOwnership()"));

    /** selector (8 hex digits, lower case) -> the signature and what it grants */
    private static final Map<String, Known> BY_SELECTOR = new LinkedHashMap<>();

    static {
        SIGNATURES.forEach((privilege, signatures) -> signatures.forEach(
                signature -> BY_SELECTOR.put(selector(signature), new Known(privilege, signature))));
    }

    record Known(Privilege privilege, String signature) {
    }

    private KnownSelectors() {
    }

    static Optional<Known> find(String selector) {
        return Optional.ofNullable(BY_SELECTOR.get(selector));
    }

    /** keccak-256 of the canonical signature, first 4 bytes, as 8 lower-case hex digits. */
    static String selector(String signature) {
        byte[] hash = Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII));
        return java.util.HexFormat.of().formatHex(hash, 0, 4);
    }
}
