package dev.botfleet.server.ml;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.ErrorCode;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.common.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The model registry (docs/api/ml.md "Models"); each user sees only their models (404 otherwise). */
@RestController
@RequestMapping("/api/v1/models")
public class ModelController {
    private final ModelService models;

    public ModelController(ModelService models) {
        this.models = models;
    }

    /** Multipart: file, name, symbol, description?; 201 with the model and what validation found. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<ModelResponse> upload(CurrentUser user, @RequestPart(required = false) MultipartFile file,
                                                @RequestParam(required = false) String name,
                                                @RequestParam(required = false) String symbol,
                                                @RequestParam(required = false) String description) {
        long size = file == null ? 0 : file.getSize();
        byte[] bytes = file == null || size > models.maxFileBytes() ? null : bytesOf(file);
        MlModel model = models.upload(user.id(), new ModelService.Upload(name, symbol, description, bytes, size));
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/models/" + model.id()))
                .body(ModelResponse.of(model, List.of()));
    }

    /** The caller's models, newest first, each with the bots using it. */
    @GetMapping
    public PageResponse<ModelResponse> list(CurrentUser user, @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return models.list(user.id(), Paging.of(page, size)).map(r -> ModelResponse.of(r.model(), r.usedBy()));
    }

    @GetMapping("/{id}")
    public ModelResponse get(CurrentUser user, @PathVariable UUID id) {
        ModelService.Registered r = models.get(user.id(), id);
        return ModelResponse.of(r.model(), r.usedBy());
    }

    /** The model file as uploaded (LightGBM text). */
    @GetMapping("/{id}/file")
    public ResponseEntity<byte[]> file(CurrentUser user, @PathVariable UUID id) {
        ModelService.Registered r = models.get(user.id(), id);
        byte[] content = models.file(user.id(), id);
        String filename = r.model().name().replace(' ', '_') + "-v" + r.model().version() + ".txt";
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(content);
    }

    /** 204, or 409 MODEL_IN_USE naming the bots (also as {@code bots}) while any bot's config uses the model. */
    @DeleteMapping("/{id}")
    public ResponseEntity<?> delete(CurrentUser user, @PathVariable UUID id, HttpServletRequest request) {
        List<ModelUsage.BotRef> users = models.delete(user.id(), id);
        if (users.isEmpty()) return ResponseEntity.noContent().build();
        ProblemDetail problem = Problems.of(ErrorCode.MODEL_IN_USE, "The model is used by "
                + String.join(", ", users.stream().map(b -> "'" + b.name() + "' (" + b.id() + ")").toList())
                + "; switch those bots to another model or delete them first");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("bots", users);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded file", e);
        }
    }

    /**
     * @param featureSet   e.g. {@code seed-v1}: the feature set the model's feature names match
     * @param usedBy       the bots whose config's {@code model} is this model's id
     */
    public record ModelResponse(UUID id, String name, int version, String symbol, String description,
                                String featureSet, int featureCount, String objective, int trees, long fileSize,
                                String sha256, Instant createdAt, List<ModelUsage.BotRef> usedBy) {
        static ModelResponse of(MlModel m, List<ModelUsage.BotRef> usedBy) {
            return new ModelResponse(m.id(), m.name(), m.version(), m.symbol(), m.description(), m.featureSetId(),
                    m.featureCount(), m.objective(), m.trees(), m.fileSize(), m.sha256(), m.createdAt(), usedBy);
        }
    }
}
