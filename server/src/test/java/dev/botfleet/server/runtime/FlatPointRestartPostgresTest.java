package dev.botfleet.server.runtime;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class FlatPointRestartPostgresTest extends FlatPointRestartCases {
}
