package dev.botfleet.server.runtime;

import dev.botfleet.server.support.OnH2;

@OnH2
class FlatPointRestartH2Test extends FlatPointRestartCases {
}
