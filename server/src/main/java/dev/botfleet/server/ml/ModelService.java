package dev.botfleet.server.ml;

import dev.botfleet.ml.features.FeatureSets;
import dev.botfleet.ml.model.ModelLoader;
import dev.botfleet.ml.model.ModelObjective;
import dev.botfleet.ml.model.ModelRejectedException;
import dev.botfleet.ml.model.Predictor;
import dev.botfleet.server.common.ApiException;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.FieldViolation;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The model registry (docs/ml.md "Registry"): validates an uploaded model with ml's {@link ModelLoader}, stores it as
 * the next version of its name, lists models with the bots using them, and deletes only unused ones.
 */
@Service
public class ModelService {
    private static final Logger log = LoggerFactory.getLogger(ModelService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,15}/[A-Za-z0-9]{1,15}");
    static final int MAX_DESCRIPTION = 1000;

    /** An upload as the controller received it; {@code file} null when the part is missing. */
    public record Upload(String name, String symbol, String description, byte[] file, long fileSize) {
    }

    /** A model and what its validation found. */
    public record Registered(MlModel model, List<ModelUsage.BotRef> usedBy) {
    }

    private final ModelRepository models;
    private final ModelFiles files;
    private final ModelUsage usage;
    private final Clock clock;
    private final long maxFileBytes;
    private final ModelLoader loader;

    public ModelService(ModelRepository models, ModelFiles files, ModelUsage usage, Clock clock,
                        @Value("${botfleet.ml.max-model-size:8MB}") DataSize maxModelSize) {
        this.models = models;
        this.files = files;
        this.usage = usage;
        this.clock = clock;
        this.maxFileBytes = maxModelSize.toBytes();
        this.loader = new ModelLoader(FeatureSets.builtIn(), maxFileBytes);
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** Checks name and symbol (both named when wrong), then the file; the model becomes the name's next version. */
    public MlModel upload(UUID ownerId, Upload upload) {
        List<FieldViolation> wrong = new ArrayList<>(checkNameAndSymbol(upload.name(), upload.symbol()));
        if (upload.description() != null && upload.description().length() > MAX_DESCRIPTION) {
            wrong.add(new FieldViolation("description", "must be at most " + MAX_DESCRIPTION + " characters", null));
        }
        if (upload.file() == null && upload.fileSize() <= maxFileBytes) {
            wrong.add(new FieldViolation("file", "is required (a LightGBM model file as the multipart part 'file')", null));
        }
        if (!wrong.isEmpty()) throw new ApiException.Invalid(wrong);
        if (upload.fileSize() > maxFileBytes) {
            throw rejected(ModelRejectedException.Reason.TOO_LARGE, "the model file has " + upload.fileSize()
                    + " bytes; at most " + maxFileBytes + " are accepted");
        }
        ValidModel valid = validate(upload.file());
        return register(ownerId, upload.name().strip(), upload.symbol().strip().toUpperCase(Locale.ROOT),
                blankToNull(upload.description()), upload.file(), valid);
    }

    /** What the loader found in a file: its feature set, objective, tree and feature counts. */
    record ValidModel(String featureSet, int featureSetVersion, int featureCount, ModelObjective objective, int trees) {
    }

    ValidModel validate(byte[] file) {
        try (Predictor p = loader.load(file, ModelObjective.BINARY)) {
            return new ValidModel(p.featureSet().name(), p.featureSet().version(), p.featureSet().featureCount(),
                    p.objective(), trees(p.modelText()));
        } catch (ModelRejectedException e) {
            throw rejected(e.reason(), e.getMessage());
        }
    }

    /** Stores a validated file as the next version of {@code name}: the file first, then the row that points to it. */
    MlModel register(UUID ownerId, String name, String symbol, String description, byte[] file, ValidModel valid) {
        UUID id = UUID.randomUUID();
        files.write(ownerId, id, file);
        try {
            MlModel model = new MlModel(id, ownerId, name, models.nextVersion(ownerId, name), symbol, description,
                    valid.featureSet(), valid.featureSetVersion(), valid.featureCount(), valid.objective().name(),
                    valid.trees(), file.length, sha256(file), Times.now(clock));
            models.insert(model);
            log.info("Model {} registered: {} v{} ({}, {} trees)", id, name, model.version(), model.featureSetId(),
                    model.trees());
            return model;
        } catch (RuntimeException e) {  // e.g. a concurrent upload took the same version: no orphan file
            files.delete(ownerId, id);
            throw e;
        }
    }

    static List<FieldViolation> checkNameAndSymbol(String name, String symbol) {
        List<FieldViolation> wrong = new ArrayList<>();
        checkName(name, wrong);
        checkSymbol(symbol, wrong);
        return wrong;
    }

    static void checkName(String name, List<FieldViolation> wrong) {
        if (name == null || name.isBlank()) {
            wrong.add(new FieldViolation("name", "is required", null));
        } else if (!NAME.matcher(name.strip()).matches()) {
            wrong.add(new FieldViolation("name", "must be 1 to 100 letters, digits, spaces, '.', '_' or '-',"
                    + " beginning with a letter or digit", name));
        }
    }

    static void checkSymbol(String symbol, List<FieldViolation> wrong) {
        if (symbol == null || symbol.isBlank()) {
            wrong.add(new FieldViolation("symbol", "is required", null));
        } else if (!SYMBOL.matcher(symbol.strip()).matches()) {
            wrong.add(new FieldViolation("symbol", "must be BASE/QUOTE, e.g. LTC/BTC", symbol));
        }
    }

    public PageResponse<Registered> list(UUID ownerId, Paging paging) {
        var used = usage.byModel(ownerId);
        List<Registered> items = models.page(ownerId, paging.size(), paging.offset()).stream()
                .map(m -> new Registered(m, used.getOrDefault(m.id().toString(), List.of()))).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), models.count(ownerId));
    }

    public Registered get(UUID ownerId, UUID id) {
        MlModel model = find(ownerId, id);
        return new Registered(model, usage.of(ownerId, id));
    }

    public byte[] file(UUID ownerId, UUID id) {
        find(ownerId, id);
        return files.read(ownerId, id);
    }

    /**
     * Deletes an unused model and its file.
     *
     * @return the bots using it (nothing deleted) or an empty list (deleted)
     */
    public List<ModelUsage.BotRef> delete(UUID ownerId, UUID id) {
        find(ownerId, id);
        List<ModelUsage.BotRef> users = usage.of(ownerId, id);
        if (!users.isEmpty()) return users;
        if (models.delete(ownerId, id)) files.delete(ownerId, id);
        log.info("Model {} deleted", id);
        return List.of();
    }

    private MlModel find(UUID ownerId, UUID id) {
        return models.find(ownerId, id).orElseThrow(() -> new ApiException.NotFound("No model " + id));
    }

    private static ApiException.Invalid rejected(ModelRejectedException.Reason reason, String message) {
        return new ApiException.Invalid(ErrorCode.MODEL_REJECTED,
                List.of(new FieldViolation("file", reason + ": " + message, reason.name())));
    }

    /** LightGBM writes one {@code Tree=<i>} line per tree. */
    static int trees(String modelText) {
        int count = 0;
        for (String line : modelText.split("\n", -1)) {
            if (line.startsWith("Tree=")) count++;
        }
        return count;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
