package dev.botfleet.server.auth.siwe;

import dev.botfleet.server.auth.CurrentUser;
import dev.botfleet.server.auth.LoginResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Sign-In with Ethereum (docs/security.md): a nonce, the signed message for a login token, and the addresses linked
 * to the signed-in account (each link proven by a message signed with a nonce asked for that account).
 */
@RestController
public class SiweController {
    private final SiweService siwe;

    public SiweController(SiweService siwe) {
        this.siwe = siwe;
    }

    /** The client address is the TCP peer; behind a proxy set server.forward-headers-strategy=native, as for login. */
    @GetMapping("/api/v1/auth/siwe/nonce")
    public SiweService.Nonce signInNonce(HttpServletRequest request) {
        return siwe.nonce(null, siwe.expectedDomain(host(request)), request.getRemoteAddr());
    }

    /** The same answer as POST /auth/login: a token, or the second-factor challenge when the account has it on. */
    @PostMapping("/api/v1/auth/siwe")
    public LoginResponse signIn(@RequestBody SignedMessage body, HttpServletRequest request) {
        return siwe.signIn(body.message(), body.signature(), siwe.expectedDomain(host(request)));
    }

    @GetMapping("/api/v1/me/wallet-addresses/nonce")
    public SiweService.Nonce linkNonce(CurrentUser user, HttpServletRequest request) {
        return siwe.nonce(user.id(), siwe.expectedDomain(host(request)), request.getRemoteAddr());
    }

    @PostMapping("/api/v1/me/wallet-addresses")
    public ResponseEntity<SiweService.LinkedAddress> link(CurrentUser user, @RequestBody SignedMessage body,
                                                          HttpServletRequest request) {
        SiweService.LinkResult result = siwe.link(user.id(), body.message(), body.signature(),
                siwe.expectedDomain(host(request)));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.address());
    }

    @GetMapping("/api/v1/me/wallet-addresses")
    public List<SiweService.LinkedAddress> linked(CurrentUser user) {
        return siwe.linked(user.id());
    }

    @DeleteMapping("/api/v1/me/wallet-addresses/{address}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void unlink(CurrentUser user, @PathVariable String address) {
        siwe.unlink(user.id(), address);
    }

    public record SignedMessage(String message, String signature) {
    }

    /** The authority the browser addressed (Host header), as a SIWE domain: "host" or "host:port". */
    static String host(HttpServletRequest request) {
        String header = request.getHeader("Host");
        if (header != null && !header.isBlank()) return header.strip();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || port == 80 || port == 443;
        return request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
