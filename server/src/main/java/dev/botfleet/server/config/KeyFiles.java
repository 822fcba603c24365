package dev.botfleet.server.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A key comes from configuration (base64) or, when none is configured, from a file in the data directory that is
 * generated once with owner-only permissions. Error messages name the property, never the key.
 */
public final class KeyFiles {
    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {
    }

    /**
     * @param configured base64 from configuration, or null/blank to use the file
     * @param minLength  bytes the key must have at least
     * @param exactLength when true, exactly {@code minLength} bytes
     */
    public static byte[] load(String property, String configured, Path file, int minLength, boolean exactLength) {
        if (configured != null && !configured.isBlank()) {
            return check(property, decode(property, configured.strip()), minLength, exactLength, property);
        }
        try {
            if (Files.exists(file)) {
                restrict(file);
                String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
                return check(property, decode(property + " file " + file, text), minLength, exactLength, "file " + file);
            }
            byte[] key = new byte[minLength];
            new SecureRandom().nextBytes(key);
            write(file, Base64.getEncoder().encodeToString(key));
            log.info("Generated a new {} into {} (owner-only permissions); keep this file with the database", property, file);
            return key;
        } catch (FileAlreadyExistsException raced) {
            return load(property, null, file, minLength, exactLength);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file + " for " + property, e);
        }
    }

    private static byte[] decode(String source, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64");
        }
    }

    private static byte[] check(String property, byte[] key, int minLength, boolean exact, String source) {
        if (exact ? key.length != minLength : key.length < minLength) {
            throw new IllegalStateException(source + " must hold " + (exact ? "exactly " : "at least ") + minLength
                    + " bytes (base64) for " + property + "; it holds " + key.length);
        }
        return key;
    }

    private static void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (supportsPosix(dir)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            var f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
        Files.writeString(file, content + "\n", StandardCharsets.US_ASCII);
    }

    /** A key file someone copied with loose permissions is tightened rather than trusted as is. */
    private static void restrict(Path file) throws IOException {
        if (supportsPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("Restricted {} to owner-only permissions", file);
        }
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
