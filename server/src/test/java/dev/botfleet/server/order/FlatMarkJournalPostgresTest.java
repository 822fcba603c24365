package dev.botfleet.server.order;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class FlatMarkJournalPostgresTest extends FlatMarkJournalCases {
}
