package dev.botfleet.server.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Creates one fresh schema per test run (t_ + random) and points the datasource at it with currentSchema, so runs never
 * see each other's rows. The schema is dropped when the test JVM exits; a crashed run may leave one behind (t_*).
 */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String HOST_URL = System.getenv().getOrDefault("BOTFLEET_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("BOTFLEET_TEST_PG_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("BOTFLEET_TEST_PG_PASSWORD", "");
    private static volatile String schema;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = schema();
        TestPropertyValues.of(
                "spring.datasource.url=" + HOST_URL + "?currentSchema=" + name,
                "spring.datasource.username=" + USER,
                "spring.datasource.password=" + PASSWORD).applyTo(context);
    }

    static synchronized String schema() {
        if (schema == null) schema = createSchema("t_");
        return schema;
    }

    /**
     * A new empty schema of its own on the test server (dropped when the JVM exits), as a data source whose connections
     * use it: for tests below Spring that need a clean database.
     */
    public static javax.sql.DataSource newSchema() {
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(
                HOST_URL + "?currentSchema=" + createSchema("u_"), USER, PASSWORD);
    }

    /** {@link #newSchema} with the server's tables, migrated as the server migrates PostgreSQL (application.yml). */
    public static javax.sql.DataSource newMigratedSchema() {
        javax.sql.DataSource data = newSchema();
        org.flywaydb.core.Flyway.configure().dataSource(data)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        return data;
    }

    private static String createSchema(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test schema on " + HOST_URL, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-test-schema"));
        return name;
    }

    private static void drop(String name) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + name + ": " + e.getMessage());
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(HOST_URL, USER, PASSWORD);
    }
}
