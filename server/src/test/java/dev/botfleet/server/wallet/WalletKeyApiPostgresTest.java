package dev.botfleet.server.wallet;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class WalletKeyApiPostgresTest extends WalletKeyApiCases {
}
