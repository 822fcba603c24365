package dev.botfleet.server.auth.siwe;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class SiweApiPostgresTest extends SiweApiCases {
}
