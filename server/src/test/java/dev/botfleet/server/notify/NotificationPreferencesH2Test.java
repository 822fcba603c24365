package dev.botfleet.server.notify;

import dev.botfleet.server.support.OnH2;

@OnH2
class NotificationPreferencesH2Test extends NotificationPreferencesCases {
}
