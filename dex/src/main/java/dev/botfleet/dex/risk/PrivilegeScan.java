package dev.botfleet.dex.risk;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds owner privileges in a token contract: in its runtime bytecode by the dispatcher's selectors (exact: the
 * known signatures of {@link KnownSelectors}), and in its ABI when one is published, by exact signature and then by
 * name for state-changing functions (a "setSellTax(uint16)" is a fee setter even if no list knows it). A selector
 * only says the function exists; who may call it (owner, role, anyone) is not read from the code, so each finding
 * is a capability to show the user, not proof of intent.
 */
public final class PrivilegeScan {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where a finding came from. */
    public enum Source { BYTECODE, ABI }

    /**
     * @param signature the canonical signature when known ("mint(address,uint256)"), else the ABI's name and inputs
     * @param selector  8 lower-case hex digits
     */
    public record Finding(Privilege privilege, String signature, String selector, Source source) {
    }

    /** Every finding, and the distinct privileges among them in the enum's order. */
    public record Report(List<Finding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        public Set<Privilege> privileges() {
            Set<Privilege> set = EnumSet.noneOf(Privilege.class);
            findings.forEach(f -> set.add(f.privilege()));
            return set;
        }

        public boolean has(Privilege privilege) {
            return privileges().contains(privilege);
        }
    }

    private PrivilegeScan() {
    }

    public static Report bytecode(byte[] runtimeCode) {
        List<Finding> findings = new ArrayList<>();
        for (String selector : Bytecode.selectors(runtimeCode)) {
            KnownSelectors.find(selector).ifPresent(k ->
                    findings.add(new Finding(k.privilege(), k.signature(), selector, Source.BYTECODE)));
        }
        return new Report(findings);
    }

    /**
     * @param abiJson the contract's ABI: a JSON array of entries as solc writes them
     * @throws IllegalArgumentException when it is not an ABI array, in words
     */
    public static Report abi(String abiJson) {
        JsonNode root;
        try {
            root = JSON.readTree(abiJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the ABI is not valid JSON");
        }
        if (root == null || !root.isArray()) throw new IllegalArgumentException("the ABI must be a JSON array of entries");
        List<Finding> findings = new ArrayList<>();
        for (JsonNode entry : root) {
            if (!"function".equals(entry.path("type").asString(""))) continue;
            String mutability = entry.path("stateMutability").asString("nonpayable");
            if (mutability.equals("view") || mutability.equals("pure") || entry.path("constant").asBoolean(false)) continue;
            String signature = signature(entry);
            String selector = KnownSelectors.selector(signature);
            Optional<Privilege> privilege = KnownSelectors.find(selector).map(KnownSelectors.Known::privilege)
                    .or(() -> byName(entry.path("name").asString("")));
            privilege.ifPresent(p -> findings.add(new Finding(p, signature, selector, Source.ABI)));
        }
        return new Report(findings);
    }

    /** Both, without repeating a signature the bytecode already showed. */
    public static Report scan(byte[] runtimeCode, String abiJsonOrNull) {
        List<Finding> all = new ArrayList<>(bytecode(runtimeCode).findings());
        if (abiJsonOrNull != null) {
            Set<String> seen = new LinkedHashSet<>();
            all.forEach(f -> seen.add(f.selector()));
            abi(abiJsonOrNull).findings().stream().filter(f -> !seen.contains(f.selector())).forEach(all::add);
        }
        return new Report(all);
    }

    /** name(type1,type2): tuples written as (t1,t2) with their array suffix, as the ABI specification defines. */
    static String signature(JsonNode entry) {
        List<String> types = new ArrayList<>();
        entry.path("inputs").forEach(input -> types.add(type(input)));
        return entry.path("name").asString("") + "(" + String.join(",", types) + ")";
    }

    private static String type(JsonNode param) {
        String type = param.path("type").asString("");
        if (!type.startsWith("tuple")) return type;
        List<String> parts = new ArrayList<>();
        param.path("components").forEach(c -> parts.add(type(c)));
        return "(" + String.join(",", parts) + ")" + type.substring("tuple".length());
    }

    /** Names the lists do not know, read by what they say; only for functions that change state. */
    static Optional<Privilege> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean setter = n.startsWith("set") || n.startsWith("update") || n.startsWith("change");
        if (n.contains("blacklist") || n.contains("blocklist") || n.contains("denylist")) return Optional.of(Privilege.BLACKLIST);
        if (n.startsWith("mint")) return Optional.of(Privilege.MINT);
        if (n.equals("pause") || n.equals("unpause") || (setter && n.contains("pause"))) return Optional.of(Privilege.PAUSE);
        if (setter && (n.contains("fee") || n.contains("tax"))) return Optional.of(Privilege.FEE_SETTER);
        if (setter && (n.contains("maxtx") || n.contains("maxwallet") || n.contains("trading"))) {
            return Optional.of(Privilege.TRADING_LIMITS);
        }
        if (n.startsWith("upgrade")) return Optional.of(Privilege.UPGRADE);
        return Optional.empty();
    }
}
