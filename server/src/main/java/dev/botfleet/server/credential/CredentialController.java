package dev.botfleet.server.credential;

import dev.botfleet.server.auth.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/credentials")
public class CredentialController {
    private final CredentialService credentials;

    public CredentialController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CredentialResponse create(CurrentUser user, @RequestBody CredentialRequest request) {
        return CredentialResponse.of(credentials.create(user.id(), request));
    }

    @GetMapping
    public List<CredentialResponse> list(CurrentUser user) {
        return credentials.list(user.id()).stream().map(CredentialResponse::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(CurrentUser user, @PathVariable UUID id) {
        credentials.delete(user.id(), id);
    }

    /** @param apiKeyMasked "****" followed by the key's last 4 characters (only "****" for keys under 12 characters) */
    public record CredentialResponse(UUID id, String exchange, String label, String apiKeyMasked, Instant createdAt) {
        static CredentialResponse of(Credential c) {
            return new CredentialResponse(c.id(), c.exchange(), c.label(), "****" + c.apiKeyLast4(), c.createdAt());
        }
    }
}
