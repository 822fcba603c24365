package dev.botfleet.server.schema;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class SchemaPostgresTest extends SchemaCases {
}
