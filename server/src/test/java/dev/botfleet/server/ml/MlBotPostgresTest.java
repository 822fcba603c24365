package dev.botfleet.server.ml;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class MlBotPostgresTest extends MlBotCases {
}
