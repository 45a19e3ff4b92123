-- Issue 16: an outbox that loses no email, reminders computed once across instances, morning check-in links,
-- and a secret for signed links.

-- Every email is a row written in the same transaction as the change that causes it, sent after commit and
-- retried with backoff. A sender claims a row (PENDING -> SENDING) with one conditional update, so two
-- instances never send the same row. dedupe_key makes a second reminder of the same kind and day impossible.
CREATE TABLE outbox_email (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    dedupe_key      VARCHAR(120)  NULL,
    kind            VARCHAR(40)   NOT NULL,
    account_id      BIGINT        NULL,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(200)  NOT NULL,
    text_body       TEXT          NOT NULL,
    html_body       TEXT          NOT NULL,
    attachment_name VARCHAR(100)  NULL,
    attachment_type VARCHAR(120)  NULL,
    attachment      TEXT          NULL,
    unsubscribe_url VARCHAR(500)  NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    expires_at      DATETIME(6)   NULL,
    claimed_at      DATETIME(6)   NULL,
    last_error      VARCHAR(500)  NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    CONSTRAINT uk_outbox_dedupe UNIQUE (dedupe_key),
    CONSTRAINT ck_outbox_status CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'EXPIRED'))
);
CREATE INDEX ix_outbox_due ON outbox_email (status, next_attempt_at);
CREATE INDEX ix_outbox_created ON outbox_email (created_at);
CREATE INDEX ix_outbox_sent ON outbox_email (status, sent_at);

-- A patient's reminders (a physio's weekly digest uses weekly_digest only). No row: the defaults.
CREATE TABLE reminder_settings (
    account_id            BIGINT      NOT NULL PRIMARY KEY,
    bedtime               TIME        NOT NULL,
    bedtime_reminder      BOOLEAN     NOT NULL,
    minutes_before        INT         NOT NULL,
    morning_reminder      BOOLEAN     NOT NULL,
    morning_time          TIME        NOT NULL,
    appointment_reminders BOOLEAN     NOT NULL,
    nudges                BOOLEAN     NOT NULL,
    weekly_digest         BOOLEAN     NOT NULL,
    away_until            DATE        NULL,
    updated_at            DATETIME(6) NOT NULL,
    CONSTRAINT fk_reminder_settings_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- One decision per person, kind and occasion (a night, an appointment, a week): whichever instance inserts the
-- row first decides and queues the email in the same transaction; the others hit the key and do nothing.
CREATE TABLE reminder_log (
    account_id BIGINT      NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    occasion   VARCHAR(64) NOT NULL,
    outcome    VARCHAR(20) NOT NULL,
    decided_at DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id, kind, occasion),
    CONSTRAINT fk_reminder_log_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_reminder_log_time ON reminder_log (kind, decided_at);

-- The "No cramps" button of a morning email: a random token, stored as its SHA-256, for one patient and one
-- night, valid until noon after that night, used once.
CREATE TABLE check_in_link (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    account_id BIGINT      NOT NULL,
    night      DATE        NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    CONSTRAINT fk_check_in_link_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- A scheduled job runs on one instance at a time: the instance that moves locked_until forward holds it.
CREATE TABLE job_lock (
    name         VARCHAR(40)  NOT NULL PRIMARY KEY,
    locked_until DATETIME(6)  NOT NULL,
    locked_by    VARCHAR(100) NOT NULL
);

-- Secrets the instances share (the key that signs unsubscribe links), made on first start.
CREATE TABLE app_secret (
    name  VARCHAR(40)  NOT NULL PRIMARY KEY,
    secret_value VARCHAR(100) NOT NULL
);
