-- Issue 14: passkeys (WebAuthn) as a second factor. The tables and columns Spring Security's JDBC repositories
-- read and write (JdbcPublicKeyCredentialUserEntityRepository, JdbcUserCredentialRepository), sized for MariaDB's
-- index limits: a user handle is 86 characters of base64url, a credential id far below 700 in practice.

-- The handle authenticators know a person by; name is the account's email.
CREATE TABLE user_entities (
    id           VARCHAR(255) NOT NULL PRIMARY KEY,
    name         VARCHAR(254) NOT NULL,
    display_name VARCHAR(200) NULL,
    CONSTRAINT uk_user_entities_name UNIQUE (name)
);

-- A passkey: its public key (no secret is stored), its signature counter and when it was last used.
CREATE TABLE user_credentials (
    credential_id                VARCHAR(700)  NOT NULL PRIMARY KEY,
    user_entity_user_id          VARCHAR(255)  NOT NULL,
    public_key                   BLOB          NOT NULL,
    signature_count              BIGINT        NULL,
    uv_initialized               BOOLEAN       NULL,
    backup_eligible              BOOLEAN       NOT NULL,
    authenticator_transports     VARCHAR(1000) NULL,
    public_key_credential_type   VARCHAR(100)  NULL,
    backup_state                 BOOLEAN       NOT NULL,
    attestation_object           BLOB          NULL,
    attestation_client_data_json BLOB          NULL,
    created                      DATETIME(6)   NULL,
    last_used                    DATETIME(6)   NULL,
    label                        VARCHAR(1000) NOT NULL
);
CREATE INDEX ix_user_credentials_user ON user_credentials (user_entity_user_id);
