package dev.botfleet.server.risk;

import dev.botfleet.server.support.OnH2;

@OnH2
class RiskApiH2Test extends RiskApiCases {
}
