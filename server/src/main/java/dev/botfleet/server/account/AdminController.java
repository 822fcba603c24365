package dev.botfleet.server.account;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.common.PageResponse;
import dev.botfleet.server.common.Paging;
import dev.botfleet.server.user.Role;
import dev.botfleet.server.user.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** Account administration; every call is 403 for anyone but the ADMIN. */
@RestController
@RequestMapping("/api/v1/admin/users")
public class AdminController {
    private final AdminService admin;

    public AdminController(AdminService admin) {
        this.admin = admin;
    }

    public record AccountResponse(UUID id, String email, Role role, Instant createdAt, Instant disabledAt) {
        static AccountResponse of(User u) {
            return new AccountResponse(u.id(), u.email(), u.role(), u.createdAt(), u.disabledAt());
        }
    }

    @GetMapping
    public PageResponse<AccountResponse> list(CurrentUser user, @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return admin.list(user.id(), Paging.of(page, size)).map(AccountResponse::of);
    }

    @PostMapping("/{id}/disable")
    public AccountResponse disable(CurrentUser user, @PathVariable UUID id) {
        return AccountResponse.of(admin.disable(user.id(), id));
    }

    @PostMapping("/{id}/enable")
    public AccountResponse enable(CurrentUser user, @PathVariable UUID id) {
        return AccountResponse.of(admin.enable(user.id(), id));
    }
}
