package dev.botfleet.server.common;

/** Which database the server runs on, from its {@code spring.datasource.url}. */
public final class Databases {
    private Databases() {
    }

    /** Whether {@code spring.datasource.url} names an H2 database (the embedded default). */
    public static boolean isH2(String databaseUrl) {
        return databaseUrl != null && databaseUrl.startsWith("jdbc:h2:");
    }
}
