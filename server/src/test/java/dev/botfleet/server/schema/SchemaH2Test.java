package dev.botfleet.server.schema;

import dev.botfleet.server.support.OnH2;

@OnH2
class SchemaH2Test extends SchemaCases {
}
