package dev.botfleet.server.bot;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class BotApiPostgresTest extends BotApiCases {
}
