package dev.botfleet.server.auth.oidc;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** botfleet.oidc.* as Spring binds it: from environment variables (as README shows them), defaults, refusals. */
class OidcPropertiesTest {
    private static OidcProperties bind(org.springframework.core.env.PropertySource<?> source) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(source);
        return Binder.get(env).bindOrCreate("botfleet.oidc", Bindable.of(OidcProperties.class));
    }

    private static OidcProperties fromEnvironment(Map<String, Object> variables) {
        return bind(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    }

    @Test
    void nothingConfiguredIsOffWithDefaults() {
        OidcProperties p = bind(new MapPropertySource("empty", Map.of()));
        assertThat(p.enabled()).isFalse();
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.flowLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.loginCodeLifetime()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aProviderFromEnvironmentVariablesAsTheReadmeNamesThem() {
        OidcProperties p = fromEnvironment(Map.of(
                "BOTFLEET_OIDC_PROVIDERS_GOOGLE_ISSUER", "https://accounts.google.com",
                "BOTFLEET_OIDC_PROVIDERS_GOOGLE_CLIENTID", "id-1",
                "BOTFLEET_OIDC_PROVIDERS_GOOGLE_CLIENTSECRET", "very-secret",
                "BOTFLEET_OIDC_PROVIDERS_GOOGLE_DISPLAYNAME", "Google",
                "BOTFLEET_OIDC_REDIRECTBASE", "https://bots.example.com"));
        OidcProperties.Provider google = p.providers().get("google");
        assertThat(google.issuer()).isEqualTo("https://accounts.google.com");
        assertThat(google.clientId()).isEqualTo("id-1");
        assertThat(google.clientSecret()).isEqualTo("very-secret");
        assertThat(google.label("google")).isEqualTo("Google");
        assertThat(google.scopes()).containsExactly("openid", "email", "profile");
        assertThat(p.redirectBase().toString()).isEqualTo("https://bots.example.com");
        assertThat(p + " " + google).doesNotContain("very-secret");
    }

    @Test
    void scopesWithoutOpenidGetItAndProvidersKeepTheirOrder() {
        OidcProperties p = bind(new MapPropertySource("yaml", Map.of(
                "botfleet.oidc.providers.zeta.issuer", "https://z.example.com/",
                "botfleet.oidc.providers.zeta.client-id", "z",
                "botfleet.oidc.providers.zeta.client-secret", "s",
                "botfleet.oidc.providers.zeta.scopes", "email",
                "botfleet.oidc.providers.alpha.issuer", "https://a.example.com",
                "botfleet.oidc.providers.alpha.client-id", "a",
                "botfleet.oidc.providers.alpha.client-secret", "s")));
        assertThat(p.providers().get("zeta").scopes()).containsExactly("openid", "email");
        assertThat(p.providers().get("zeta").issuer()).isEqualTo("https://z.example.com/"); // kept exactly
        assertThat(p.providers().get("alpha").label("alpha")).isEqualTo("alpha");
    }

    @Test
    void aProviderWithoutSecretOrWithABadIssuerOrIdStopsStartUp() {
        Map<String, OidcProperties.Provider> noSecret = Map.of("x", new OidcProperties.Provider("https://x.example.com", "id", null, null, null));
        assertThatThrownBy(() -> new OidcProperties(noSecret, null, null, null, null)).hasMessageContaining("client-secret");
        Map<String, OidcProperties.Provider> badIssuer = Map.of("x", new OidcProperties.Provider("ftp://x", "id", "s", null, null));
        assertThatThrownBy(() -> new OidcProperties(badIssuer, null, null, null, null)).hasMessageContaining("issuer");
        Map<String, OidcProperties.Provider> badId = Map.of("Bad Id", new OidcProperties.Provider("https://x.example.com", "id", "s", null, List.of()));
        assertThatThrownBy(() -> new OidcProperties(badId, null, null, null, null)).hasMessageContaining("id");
        assertThatThrownBy(() -> new OidcProperties(Map.of(), java.net.URI.create("/relative"), null, null, null))
                .hasMessageContaining("redirect-base");
    }
}
