-- Issue 15: a word for a person at their next sign-in (e.g. "your physio has changed"), shown once.
CREATE TABLE notice (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT        NOT NULL,
    text       VARCHAR(500)  NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    seen_at    DATETIME(6)   NULL,
    CONSTRAINT fk_notice_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_notice_unseen ON notice (account_id, seen_at);
