package dev.botfleet.server.auth.reset;

import java.time.Duration;

/** The words of the reset mail (plain text). */
final class ResetMail {
    private ResetMail() {
    }

    static String text(String email, String link, Duration lifetime) {
        return """
                Someone, hopefully you, asked to reset the password of the botfleet account %s.

                Open this link within %s to choose a new password:

                %s

                The link works once. If you did not ask for this, ignore this mail: your password stays as it is.
                """.formatted(email, words(lifetime), link);
    }

    static String words(Duration d) {
        if (d.toMinutes() >= 60 && d.toMinutesPart() == 0) return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        long minutes = Math.max(1, d.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
