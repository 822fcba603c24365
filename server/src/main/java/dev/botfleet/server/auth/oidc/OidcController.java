package dev.botfleet.server.auth.oidc;

import dev.botfleet.server.auth.LoginResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sign-in with OpenID Connect (see {@link OidcSignIn}). {@code start} and {@code callback} are browser navigations:
 * they answer with redirects, a failure included ({@code /login?oidcError=<code>}), never with JSON. The providers
 * list and the code exchange are API calls and answer JSON / problem details. All four are public.
 */
@RestController
@RequestMapping("/api/v1/auth/oidc")
public class OidcController {
    private static final Logger log = LoggerFactory.getLogger(OidcController.class);
    /**
     * Ties a sign-in to the browser that started it (a random value, kept with the state server-side). Not a session:
     * it authenticates nothing. SameSite=Lax still sends it on the provider's top-level redirect back to the callback.
     */
    static final String BROWSER_COOKIE = "botfleet_oidc";
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final OidcSignIn signIn;
    private final OidcProperties properties;

    public OidcController(OidcSignIn signIn, OidcProperties properties) {
        this.signIn = signIn;
        this.properties = properties;
    }

    /** The configured providers for the login page's buttons (empty when the feature is off). */
    @GetMapping("/providers")
    public List<OidcSignIn.ProviderView> providers() {
        return signIn.providers();
    }

    /** 302 to the provider's authorization endpoint; on failure 302 to {@code /login?oidcError=<code>}. */
    @GetMapping("/{provider}/start")
    public ResponseEntity<Void> start(@PathVariable String provider, HttpServletRequest request) {
        String browser = browserOf(request);
        if (browser == null) browser = OneTimeStore.randomKey();
        try {
            URI authorization = signIn.start(provider, callbackUri(request, provider), browser);
            ResponseCookie cookie = ResponseCookie.from(BROWSER_COOKIE, browser)
                    .httpOnly(true).sameSite("Lax").secure(secure(request)).path("/api/v1/auth/oidc/")
                    .maxAge(properties.flowLifetime()).build();
            return redirect(authorization).header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
        } catch (OidcFailure e) {
            return failed(request, provider, e);
        }
    }

    /** Where the provider sends the browser back: 302 to {@code /login/oidc?code=<one-time login code>}, or to the error. */
    @GetMapping("/{provider}/callback")
    public ResponseEntity<Void> callback(@PathVariable String provider,
                                         @RequestParam(required = false) String code,
                                         @RequestParam(required = false) String state,
                                         @RequestParam(required = false) String error,
                                         @RequestParam(required = false) String iss,
                                         HttpServletRequest request) {
        try {
            String loginCode = signIn.callback(provider, new OidcSignIn.Callback(code, state, error, iss), browserOf(request));
            return redirect(URI.create(request.getContextPath() + "/login/oidc?code=" + loginCode)).build();
        } catch (OidcFailure e) {
            return failed(request, provider, e);
        }
    }

    /** The one-time login code from the callback's redirect for the same token answer as a password login. */
    @PostMapping("/exchange")
    public LoginResponse exchange(@RequestBody Exchange body) {
        return signIn.exchange(body.code());
    }

    public record Exchange(String code) {
        @Override
        public String toString() {
            return "Exchange[code=***]";
        }
    }

    private ResponseEntity<Void> failed(HttpServletRequest request, String provider, OidcFailure e) {
        log.info("OIDC sign-in with {} failed: {} ({})", properties.providers().containsKey(provider) ? provider : "(unknown)",
                e.error().code(), e.getMessage());
        return redirect(URI.create(request.getContextPath() + "/login?oidcError=" + e.error().code())).build();
    }

    private static ResponseEntity.BodyBuilder redirect(URI to) {
        // the answer carries a one-time code or state in its Location: no cache may keep it
        return ResponseEntity.status(HttpStatus.FOUND).location(to).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private String callbackUri(HttpServletRequest request, String provider) {
        String path = "/api/v1/auth/oidc/" + provider + "/callback";
        if (properties.redirectBase() != null) {
            String base = properties.redirectBase().toString();
            return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).path(path).build().toUriString();
    }

    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || properties.redirectBase() != null && "https".equals(properties.redirectBase().getScheme());
    }

    private static String browserOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (BROWSER_COOKIE.equals(c.getName()) && c.getValue() != null && COOKIE_VALUE.matcher(c.getValue()).matches()) {
                return c.getValue();
            }
        }
        return null;
    }
}
