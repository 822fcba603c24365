package dev.botfleet.server.ml;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Model files under {@code ${botfleet.data-dir}/models/<owner>/<id>.txt} (docs/ml.md "Registry"). Paths are built from
 * UUIDs only, never from anything a user typed. A file is written to a temporary name and moved into place, so a
 * reader never sees half a model.
 */
@Component
public class ModelFiles {
    private final Path root;

    public ModelFiles(@Value("${botfleet.ml.model-dir:${botfleet.data-dir}/models}") Path root) {
        this.root = root;
    }

    Path path(UUID ownerId, UUID id) {
        return root.resolve(ownerId.toString()).resolve(id + ".txt");
    }

    public void write(UUID ownerId, UUID id, byte[] content) {
        Path target = path(ownerId, id);
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(id + ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model file", e);
        }
    }

    public byte[] read(UUID ownerId, UUID id) {
        try {
            return Files.readAllBytes(path(ownerId, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model file", e);
        }
    }

    public void delete(UUID ownerId, UUID id) {
        try {
            Files.deleteIfExists(path(ownerId, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the model file", e);
        }
    }
}
