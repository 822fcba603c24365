package dev.botfleet.server.activity;

import dev.botfleet.server.support.OnH2;

@OnH2
class ActivityRetentionH2Test extends ActivityRetentionCases {
}
