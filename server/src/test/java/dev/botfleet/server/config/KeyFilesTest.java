package dev.botfleet.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void generatesOnceWithOwnerOnlyPermissionsAndReusesTheFile() throws Exception {
        Path file = dir.resolve("sub/master.key");
        byte[] first = KeyFiles.load("botfleet.master-key", null, file, 32, true);
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyFiles.load("botfleet.master-key", "", file, 32, true)).isEqualTo(first);
    }

    @Test
    void looseFilePermissionsAreTightened() throws Exception {
        Path file = dir.resolve("jwt.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[40]));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(KeyFiles.load("botfleet.jwt.secret", null, file, 32, false)).hasSize(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyWinsAndAWrongOneIsRefusedWithoutShowingIt() {
        byte[] key = new byte[32];
        key[5] = 7;
        String configured = Base64.getEncoder().encodeToString(key);
        assertThat(KeyFiles.load("botfleet.master-key", configured, dir.resolve("x.key"), 32, true)).isEqualTo(key);
        assertThat(dir.resolve("x.key")).doesNotExist();

        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyFiles.load("botfleet.master-key", shortKey, dir.resolve("x.key"), 32, true))
                .hasMessageContaining("botfleet.master-key").hasMessageContaining("32").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> KeyFiles.load("botfleet.master-key", "not base64 !!", dir.resolve("x.key"), 32, true))
                .hasMessageContaining("base64").hasMessageNotContaining("not base64 !!");
    }
}
