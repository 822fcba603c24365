package dev.botfleet.server.activity;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class ActivityRetentionPostgresTest extends ActivityRetentionCases {
}
