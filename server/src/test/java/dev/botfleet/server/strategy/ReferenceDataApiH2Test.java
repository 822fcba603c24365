package dev.botfleet.server.strategy;

import dev.botfleet.server.support.OnH2;

@OnH2
class ReferenceDataApiH2Test extends ReferenceDataApiCases {
}
