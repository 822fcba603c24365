package dev.botfleet.server.auth;

import dev.botfleet.server.support.OnH2;

@OnH2
class AuthApiH2Test extends AuthApiCases {
}
