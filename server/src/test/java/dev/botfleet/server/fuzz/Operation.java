package dev.botfleet.server.fuzz;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One operation of the server's OpenAPI document. {@code bodyFields} is null when it takes no JSON body. */
record Operation(String method, String path, List<Param> pathParams, List<Param> queryParams, List<Param> bodyFields) {
    @Override
    public String toString() {
        return method + " " + path;
    }

    /** Every operation of {@code /v3/api-docs}, with its parameters and body fields ($refs resolved one level). */
    static List<Operation> readAll(JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        JsonNode schemas = doc.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String verb = method.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) continue;
                List<Param> pathParams = new ArrayList<>();
                List<Param> queryParams = new ArrayList<>();
                for (JsonNode p : method.getValue().path("parameters")) {
                    Param param = param(p.path("name").asString(), resolve(p.path("schema"), schemas));
                    if (p.path("in").asString().equals("path")) pathParams.add(param);
                    else if (p.path("in").asString().equals("query")) queryParams.add(param);
                }
                List<Param> bodyFields = null;
                JsonNode content = method.getValue().path("requestBody").path("content");
                if (!content.isMissingNode()) {
                    bodyFields = new ArrayList<>();
                    Iterator<JsonNode> media = content.values().iterator();
                    JsonNode schema = resolve(media.hasNext() ? media.next().path("schema") : content, schemas);
                    for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
                        bodyFields.add(param(field.getKey(), resolve(field.getValue(), schemas)));
                    }
                }
                ops.add(new Operation(verb, path.getKey(), pathParams, queryParams, bodyFields));
            }
        }
        return ops;
    }

    private static Param param(String name, JsonNode schema) {
        List<String> values = new ArrayList<>();
        schema.path("enum").forEach(v -> values.add(v.asString()));
        return new Param(name, schema.path("type").asString("object"), values);
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring("#/components/schemas/".length())) : schema;
    }
}
