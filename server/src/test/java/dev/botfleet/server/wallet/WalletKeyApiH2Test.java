package dev.botfleet.server.wallet;

import dev.botfleet.server.support.OnH2;

@OnH2
class WalletKeyApiH2Test extends WalletKeyApiCases {
}
