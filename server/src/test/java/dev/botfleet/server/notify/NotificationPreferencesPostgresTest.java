package dev.botfleet.server.notify;

import dev.botfleet.server.support.OnPostgres;

@OnPostgres
class NotificationPreferencesPostgresTest extends NotificationPreferencesCases {
}
