package dev.botfleet.server.account;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class AccountApiPostgresTest extends AccountApiCases {
}
