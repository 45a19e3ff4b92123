-- Issue 24: a patient is invited by email and chooses their own password; anyone resets a forgotten password by
-- email; a new sign-in email is confirmed from the new address. One table holds these single-use links. Only the
-- SHA-256 of a link's token is stored, so a copy of the database opens no account. A link is used once, until
-- expires_at; revoked_at is set when the clinic cancels it, a newer link of the same kind replaces it, or the
-- account is disabled.
CREATE TABLE account_link (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash CHAR(64)     NOT NULL,
    purpose    VARCHAR(16)  NOT NULL,
    account_id BIGINT       NOT NULL,
    new_email  VARCHAR(254) NULL,
    created_at DATETIME(6)  NOT NULL,
    expires_at DATETIME(6)  NOT NULL,
    used_at    DATETIME(6)  NULL,
    revoked_at DATETIME(6)  NULL,
    CONSTRAINT uk_account_link_token UNIQUE (token_hash),
    CONSTRAINT fk_account_link_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_account_link_purpose CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET', 'EMAIL_CHANGE')),
    CONSTRAINT ck_account_link_new_email CHECK (purpose = 'EMAIL_CHANGE' OR new_email IS NULL)
);
CREATE INDEX ix_account_link_account ON account_link (account_id, purpose, created_at);

-- An invited account has a password nobody knows (random, hashed, never shown) until its owner chooses one through
-- the invitation; while this is true the admin's page says "Invited" and offers to resend or revoke.
ALTER TABLE account ADD COLUMN invitation_pending BOOLEAN NOT NULL DEFAULT FALSE;
