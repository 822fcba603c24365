package dev.botfleet.server.dex;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class ExternalSignerDexBotPostgresTest extends ExternalSignerDexBotCases {
}
