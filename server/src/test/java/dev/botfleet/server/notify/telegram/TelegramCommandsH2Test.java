package dev.botfleet.server.notify.telegram;

import dev.botfleet.fakes.telegram.FakeTelegram;
import dev.botfleet.server.support.OnH2;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@OnH2
class TelegramCommandsH2Test extends TelegramCommandsCases {
    static final FakeTelegram TG = new FakeTelegram("4243:TEST-TOKEN", "botfleet_test_bot");

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) { telegram(registry, TG, "4243:TEST-TOKEN"); }

    @AfterAll
    static void closeFake() { TG.close(); }

    @Override
    FakeTelegram tg() { return TG; }
}
