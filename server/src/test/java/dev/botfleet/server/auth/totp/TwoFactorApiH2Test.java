package dev.botfleet.server.auth.totp;

import dev.botfleet.server.support.OnH2;

@OnH2
class TwoFactorApiH2Test extends TwoFactorApiCases {
}
