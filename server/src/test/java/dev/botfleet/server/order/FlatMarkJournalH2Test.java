package dev.botfleet.server.order;

import dev.botfleet.server.support.OnH2;

@OnH2
class FlatMarkJournalH2Test extends FlatMarkJournalCases {
}
