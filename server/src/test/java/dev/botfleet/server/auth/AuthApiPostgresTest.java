package dev.botfleet.server.auth;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class AuthApiPostgresTest extends AuthApiCases {
}
