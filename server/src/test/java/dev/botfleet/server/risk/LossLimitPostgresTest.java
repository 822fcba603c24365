package dev.botfleet.server.risk;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class LossLimitPostgresTest extends LossLimitCases {
}
