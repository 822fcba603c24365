package dev.botfleet.server.fuzz;

import java.util.List;

/** A parameter or body field of an API operation: its name, OpenAPI type ("string", "integer", "object"...) and enum values if any. */
record Param(String name, String type, List<String> enumValues) {
}
