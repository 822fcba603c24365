package dev.botfleet.server.ml;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class ModelApiPostgresTest extends ModelApiCases {
}
