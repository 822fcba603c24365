package dev.botfleet.server.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The data directory holds the embedded database next to the keys, so it is owner-only (0700) before the database
 * opens, and the database files H2 created in it are made owner-only (0600) once the application is up: H2 creates
 * them with the process umask, which is usually world-readable.
 */
@Component
class DataDirPermissions implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(DataDirPermissions.class);
    private final Path dataDir;

    DataDirPermissions(@Value("${botfleet.data-dir:./data}") Path dataDir) {
        this.dataDir = dataDir;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource) secureDirectory();
        return bean;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!Files.isDirectory(dataDir) || !posix()) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, "*.db")) {
            for (Path file : files) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            log.warn("Cannot make the database files in {} owner-only: {}", dataDir, e.getMessage());
        }
    }

    private void secureDirectory() {
        try {
            Files.createDirectories(dataDir);
            if (posix()) Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create or restrict the data directory " + dataDir, e);
        }
    }

    private boolean posix() {
        return dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
