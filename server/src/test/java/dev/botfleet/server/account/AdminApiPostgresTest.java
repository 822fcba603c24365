package dev.botfleet.server.account;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class AdminApiPostgresTest extends AdminApiCases {
}
