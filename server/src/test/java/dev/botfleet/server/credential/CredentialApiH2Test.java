package dev.botfleet.server.credential;

import dev.botfleet.server.support.OnH2;

@OnH2
class CredentialApiH2Test extends CredentialApiCases {
}
