package dev.botfleet.server.dex;

import dev.botfleet.server.support.OnH2;

@OnH2
class ExternalSignerDexBotH2Test extends ExternalSignerDexBotCases {
}
