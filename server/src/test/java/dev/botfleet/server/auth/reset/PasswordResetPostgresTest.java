package dev.botfleet.server.auth.reset;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class PasswordResetPostgresTest extends PasswordResetCases {
}
