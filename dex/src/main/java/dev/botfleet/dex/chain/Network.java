package dev.botfleet.dex.chain;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One EVM network as configured: a name ({@code ethereum}, {@code base}, {@code arbitrum}, {@code local}), the chain
 * id transactions are signed for (EIP-155), the JSON-RPC URL and optionally a WebSocket URL for subscriptions (new
 * heads, logs, pending transactions). Refuses a bad field by naming it.
 */
public record Network(String name, long chainId, URI rpcUrl, URI wsUrl) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public Network {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-32 lower-case letters, digits or '-', was " + name);
        }
        if (chainId <= 0) throw new IllegalArgumentException("chainId must be positive, was " + chainId);
        requireScheme("rpcUrl", rpcUrl, "http", "https");
        if (wsUrl != null) requireScheme("wsUrl", wsUrl, "ws", "wss");
    }

    public boolean hasWebSocket() {
        return wsUrl != null;
    }

    /** The URL without credentials or path, for logs and messages (RPC URLs often carry an API key). */
    public String safeDescription() {
        return name + " (chain " + chainId + ", " + rpcUrl.getScheme() + "://" + rpcUrl.getHost()
                + (rpcUrl.getPort() > 0 ? ":" + rpcUrl.getPort() : "") + ")";
    }

    private static void requireScheme(String field, URI url, String... schemes) {
        String scheme = url == null || url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        for (String allowed : schemes) if (allowed.equals(scheme) && url.getHost() != null) return;
        throw new IllegalArgumentException(field + " must be a " + String.join(" or ", schemes) + " URL with a host");
    }
}
