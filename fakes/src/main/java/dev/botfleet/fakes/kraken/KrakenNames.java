package dev.botfleet.fakes.kraken;

import java.util.Map;

/**
 * Kraken's names for assets and pairs. REST keeps the legacy asset codes ({@code XXBT}, {@code XETH}, {@code ZUSD}
 * while newer assets such as {@code USDT} have none), the pair's altname is {@code XBTUSDT} and its v1 wsname
 * {@code XBT/USDT}; WebSocket v2 names pairs {@code BTC/USDT} ("Symbol format: v1 XBT/USD, v2 BTC/USD",
 * https://docs.kraken.com/exchange/api-reference/spot-websocket).
 */
final class KrakenNames {
    /** The matching engine's asset names -> Kraken's REST asset codes. */
    private static final Map<String, String> REST_ASSET = Map.of("BTC", "XXBT", "ETH", "XETH", "USD", "ZUSD");

    private KrakenNames() {
    }

    static String restAsset(String asset) { return REST_ASSET.getOrDefault(asset, asset); }

    /** {@code BTC} -> {@code XBT}: the pair names use XBT. */
    static String pairAsset(String asset) { return asset.equals("BTC") ? "XBT" : asset; }

    static String wsname(String base, String quote) { return pairAsset(base) + "/" + pairAsset(quote); }

    static String v2symbol(String base, String quote) { return base + "/" + quote; }

    /** Order and trade ids look like Kraken's ({@code OUF4EM-FRGI2-MQMWZD}); ours carry the engine's number. */
    static String txid(char kind, long id) {
        String digits = String.format("%016d", id);
        return kind + digits.substring(0, 5) + "-" + digits.substring(5, 10) + "-" + digits.substring(10);
    }

    /** The engine's number in a txid, or -1 when it is not one of ours. */
    static long number(String txid) {
        if (txid == null || txid.length() != 19) return -1;
        try {
            return Long.parseLong(txid.substring(1).replace("-", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
