package dev.botfleet.fakes.delta;

import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal in Delta's words. Two shapes are documented: the gateway's flat {"error":"SignatureExpired","message":...}
 * (authentication page) and the API's {"success":false,"error":{"code":...,"context":{...}}} (errors and place-order
 * error pages; "Signature Mismatch" uses it too).
 */
final class DeltaError extends RuntimeException {
    final int status;
    final String body;
    final Map<String, String> headers = new LinkedHashMap<>();

    private DeltaError(int status, String body) {
        super(body, null, false, false);
        this.status = status;
        this.body = body;
    }

    DeltaError with(String header, String value) {
        headers.put(header, value);
        return this;
    }

    /** {"success":false,"error":{"code":code[,"context":context]}}. */
    static DeltaError coded(int status, String code, ObjectNode context) {
        ObjectNode root = DeltaJson.object();
        root.put("success", false);
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        if (context != null) error.set("context", context);
        return new DeltaError(status, DeltaJson.write(root));
    }

    static DeltaError coded(int status, String code) { return coded(status, code, null); }

    /** {"error":name,"message":words} (the authentication page's shape), with extra fields. */
    static DeltaError flat(int status, String name, String message, Map<String, Object> extra) {
        ObjectNode root = DeltaJson.object();
        root.put("error", name);
        root.put("message", message);
        extra.forEach((k, v) -> root.put(k, String.valueOf(v)));
        return new DeltaError(status, DeltaJson.write(root));
    }

    /** A schema failure: {"error":{"code":"bad_schema","context":{"schema_errors":[{code,message,param}]}}}. */
    static DeltaError badSchema(String param, String message) {
        ObjectNode context = DeltaJson.object();
        ObjectNode item = context.putArray("schema_errors").addObject();
        item.put("code", "validation_error");
        item.put("message", message);
        item.put("param", param);
        return coded(400, "bad_schema", context);
    }

    static DeltaError plain(int status, String text) {
        return new DeltaError(status, text);
    }
}
