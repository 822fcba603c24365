package dev.botfleet.server.ml;

import dev.botfleet.server.support.OnH2;

@OnH2
class MlBotH2Test extends MlBotCases {
}
