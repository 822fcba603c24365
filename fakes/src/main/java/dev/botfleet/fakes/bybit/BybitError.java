package dev.botfleet.fakes.bybit;

import java.util.Map;

/**
 * A refusal in Bybit's words: the HTTP status (200 for almost everything: Bybit puts the error in {@code retCode}),
 * the v5 error code and its message from https://bybit-exchange.github.io/docs/v5/error, and extra headers.
 */
final class BybitError extends RuntimeException {
    final int status;
    final int code;
    final Map<String, String> headers;

    BybitError(int status, int code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    BybitError(int code, String message) {
        this(200, code, message, Map.of());
    }

    // The v5 error table's words (UTA and Spot Trade sections).
    static BybitError params(String detail) { return new BybitError(10001, "Request parameter error: " + detail); }

    static BybitError timestamp(long requestTs, long serverTs, long recvWindow) {
        return new BybitError(10002, "The request time exceeds the time window range. req_timestamp[" + requestTs
                + "],server_timestamp[" + serverTs + "],recv_window[" + recvWindow + "]");
    }

    static BybitError invalidKey() {
        return new BybitError(10003, "API key is invalid. Check whether the key and domain are matched, there are 4 "
                + "env: mainnet, testnet, mainnet-demo, testnet-demo");
    }

    static BybitError sign() {
        return new BybitError(10004, "Error sign, please check your signature generation algorithm.");
    }

    static BybitError permission() {
        return new BybitError(10005, "Permission denied, please check your API key permissions.");
    }

    static BybitError orderMissing() { return new BybitError(170213, "Order does not exist."); }

    static BybitError notValid(String param) {
        return new BybitError(170130, "Data sent for paramter '" + param + "' is not valid.");
    }
}
