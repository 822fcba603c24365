package dev.botfleet.exchanges.http;

/** Waiting, behind an interface so tests can count waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = millis -> {
        if (millis > 0) Thread.sleep(millis);
    };

    void sleep(long millis) throws InterruptedException;
}
