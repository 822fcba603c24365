package dev.botfleet.server.account;

import dev.botfleet.server.support.OnH2;

@OnH2
class AdminApiH2Test extends AdminApiCases {
}
