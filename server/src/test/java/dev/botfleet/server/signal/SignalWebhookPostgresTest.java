package dev.botfleet.server.signal;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class SignalWebhookPostgresTest extends SignalWebhookCases {
}
