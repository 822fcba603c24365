package dev.botfleet.server.auth.totp;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class TwoFactorApiPostgresTest extends TwoFactorApiCases {
}
