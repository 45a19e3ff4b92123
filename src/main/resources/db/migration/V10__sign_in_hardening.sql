-- Issue 14: wrong passwords counted per account and address, one-time passwords that expire, and a second
-- factor (an authenticator app's codes, RFC 6238, with one-time recovery codes).

-- A wrong password for an email from an address. The pair waits longer after each further failure; a
-- successful sign-in from that address clears it. Other addresses are not affected.
CREATE TABLE sign_in_failure (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    email     VARCHAR(254) NOT NULL,
    address   VARCHAR(64)  NOT NULL,
    failed_at DATETIME(6)  NOT NULL
);
CREATE INDEX ix_sign_in_failure_pair ON sign_in_failure (email, address, failed_at);
CREATE INDEX ix_sign_in_failure_time ON sign_in_failure (failed_at);

-- A one-time password set by the admin works until then (72 hours); NULL for a password the person chose.
ALTER TABLE account ADD COLUMN one_time_password_until DATETIME(6) NULL;

-- The shared secret of the person's authenticator app. last_step is the 30-second step of the last code
-- accepted: a code is never accepted twice, on any instance.
CREATE TABLE second_factor (
    account_id  BIGINT      NOT NULL PRIMARY KEY,
    totp_secret VARCHAR(64) NOT NULL,
    enrolled_at DATETIME(6) NOT NULL,
    last_step   BIGINT      NULL,
    CONSTRAINT fk_second_factor_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- One-time recovery codes, stored as SHA-256 hashes (the codes are random, 50 bits each).
CREATE TABLE recovery_code (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    code_hash  CHAR(64)    NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT fk_recovery_code_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_recovery_code_account ON recovery_code (account_id);
