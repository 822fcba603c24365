package dev.botfleet.server.reload;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class HotReloadPostgresTest extends HotReloadCases {
}
