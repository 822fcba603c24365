-- Sign-in with OpenID Connect: which provider account (issuer + subject, the id_token's stable pair) belongs to which
-- user. The account is first found by its verified email; from then on by this link, so an email changed at the
-- provider still signs in to the same account. A user may have links to several providers.
CREATE TABLE oidc_links (
    issuer     VARCHAR(500) NOT NULL,
    subject    VARCHAR(255) NOT NULL,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      VARCHAR(254) NOT NULL,   -- the verified email at the provider when linked (shown to the user, not used to match)
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oidc_links_pk PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_links_user_ix ON oidc_links (user_id);
