package dev.botfleet.server.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes {@code botfleet.data-dir} absolute (against the working directory) before anything reads it. H2 refuses a
 * database path that is implicitly relative ({@code BOTFLEET_DATA_DIR=data} gave "A file path that is implicitly
 * relative to the current working directory is not allowed" and the server did not start), and one absolute path
 * means the database, the key files and the logs agree on where the data lives.
 */
public class DataDirResolver implements EnvironmentPostProcessor {
    static final String KEY = "botfleet.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String value = environment.getProperty(KEY);
        if (value == null || value.isBlank()) return;
        Path path;
        try {
            path = Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(KEY + " is not a usable path: " + e.getMessage(), e);
        }
        if (path.isAbsolute()) return;
        environment.getPropertySources().addFirst(new MapPropertySource("botfleetDataDir",
                Map.of(KEY, path.toAbsolutePath().normalize().toString())));
    }
}
