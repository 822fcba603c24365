package dev.botfleet.server.bot;

import dev.botfleet.server.support.OnH2;

@OnH2
class BotApiH2Test extends BotApiCases {
}
