package dev.botfleet.server.strategy;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class ReferenceDataApiPostgresTest extends ReferenceDataApiCases {
}
