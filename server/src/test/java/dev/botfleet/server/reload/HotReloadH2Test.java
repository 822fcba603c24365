package dev.botfleet.server.reload;

import dev.botfleet.server.support.OnH2;

@OnH2
class HotReloadH2Test extends HotReloadCases {
}
