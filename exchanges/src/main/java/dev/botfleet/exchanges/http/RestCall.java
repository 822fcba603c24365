package dev.botfleet.exchanges.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One REST request before signing.
 *
 * @param params     query parameters (GET, DELETE) or form/query parameters of a POST, in the order they are sent
 * @param jsonBody   a JSON body (Bybit's POSTs), else null
 * @param weight     what the venue counts this request as (its documented weight)
 * @param signed     needs the key and a signature
 * @param idempotent safe to send again when the answer is lost (queries, cancels); a new order is not
 * @param order      counts against the venue's order-rate limit too
 */
public record RestCall(String method, String path, Map<String, String> params, String jsonBody, int weight,
                       boolean signed, boolean idempotent, boolean order) {
    public RestCall {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static RestCall publicGet(String path, Map<String, String> params, int weight) {
        return new RestCall("GET", path, params, null, weight, false, true, false);
    }

    public static RestCall signedGet(String path, Map<String, String> params, int weight) {
        return new RestCall("GET", path, params, null, weight, true, true, false);
    }

    /** A new order: never resent by the client. */
    public static RestCall newOrder(String method, String path, Map<String, String> params, String jsonBody, int weight) {
        return new RestCall(method, path, params, jsonBody, weight, true, false, true);
    }

    /** A cancel or another signed change that is safe to repeat. */
    public static RestCall signedIdempotent(String method, String path, Map<String, String> params, String jsonBody,
                                            int weight) {
        return new RestCall(method, path, params, jsonBody, weight, true, true, false);
    }

    /** For log lines: method and path only (parameters may hold signatures). */
    public String describe() { return method + " " + path; }
}
