package dev.botfleet.server.risk;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class RiskApiPostgresTest extends RiskApiCases {
}
