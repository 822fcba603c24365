package dev.botfleet.server.dex;

import dev.botfleet.server.support.OnH2;

@OnH2
class DexRiskH2Test extends DexRiskCases {
}
