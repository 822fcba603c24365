package dev.botfleet.server.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The fresh PostgreSQL schema of an IT that starts the packaged jar (crash and cluster tests), and where it lives. The
 * schema is dropped when the test is done: CI runs on a machine whose database is kept from run to run, and each
 * schema holds the whole application's tables.
 */
final class ItSchema {
    static final String URL = dev.botfleet.server.support.PostgresSchema.HOST_URL;
    static final String USER = dev.botfleet.server.support.PostgresSchema.USER;
    static final String PASSWORD = dev.botfleet.server.support.PostgresSchema.PASSWORD;

    private ItSchema() {
    }

    /** Creates a schema of a new name ({@code it_…}) and returns the name. */
    static String create() throws SQLException {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    /** Drops the schema (null: none was created); after the servers that used it are gone. */
    static void drop(String schema) throws SQLException {
        if (schema == null) return;
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
