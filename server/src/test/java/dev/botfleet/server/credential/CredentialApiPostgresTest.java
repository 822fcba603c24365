package dev.botfleet.server.credential;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class CredentialApiPostgresTest extends CredentialApiCases {
}
