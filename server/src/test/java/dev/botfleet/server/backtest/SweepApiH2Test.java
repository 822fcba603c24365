package dev.botfleet.server.backtest;

import dev.botfleet.server.support.OnH2;

@OnH2
class SweepApiH2Test extends SweepApiCases {
}
