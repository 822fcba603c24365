package dev.botfleet.server.notify.telegram;

import dev.botfleet.fakes.telegram.FakeTelegram;
import dev.botfleet.server.support.OnPostgres;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OnPostgres
class TelegramCommandsPostgresTest extends TelegramCommandsCases {
    static final FakeTelegram TG = new FakeTelegram("4246:TEST-TOKEN", "botfleet_test_bot");

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) { telegram(registry, TG, "4246:TEST-TOKEN"); }

    @AfterAll
    static void closeFake() { TG.close(); }

    @Override
    FakeTelegram tg() { return TG; }
}
