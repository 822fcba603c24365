package dev.botfleet.server.backtest;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class BacktestApiPostgresTest extends BacktestApiCases {
}
