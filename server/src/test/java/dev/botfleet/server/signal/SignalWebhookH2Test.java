package dev.botfleet.server.signal;

import dev.botfleet.server.support.OnH2;

@OnH2
class SignalWebhookH2Test extends SignalWebhookCases {
}
