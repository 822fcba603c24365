package dev.botfleet.server.common;

/** A request path as log lines may show it: a signal webhook's path is its secret token, so that part is masked. */
public final class LoggedPath {
    private static final String SIGNALS = "/api/v1/signals/";

    private LoggedPath() {
    }

    public static String of(String uri) {
        if (uri == null) return null;
        int at = uri.indexOf(SIGNALS);
        return at < 0 ? uri : uri.substring(0, at + SIGNALS.length()) + "***";
    }
}
