-- Issue 16: browser notifications (Web Push) for the bedtime and morning reminders.

-- One row per browser that turned notifications on: where its push service takes messages for it (the endpoint, a
-- capability URL given by the browser) and the keys the message is encrypted to (p256dh: the browser's P-256
-- public key, 65 bytes; auth: its 16-byte secret; both base64url as the browser gives them). An endpoint belongs to
-- one account: the person who last turned notifications on in that browser. MariaDB cannot index 1000 characters
-- of utf8mb4, so the endpoint is unique through its SHA-256 (hex). A push service's 404 or 410 deletes the row;
-- failures counts the other refusals in a row and is reset by a delivery.
CREATE TABLE push_subscription (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT        NOT NULL,
    endpoint        VARCHAR(1000) NOT NULL,
    endpoint_hash   CHAR(64)      NOT NULL,
    p256dh          VARCHAR(100)  NOT NULL,
    auth            VARCHAR(40)   NOT NULL,
    user_agent      VARCHAR(200)  NULL,
    created_at      DATETIME(6)   NOT NULL,
    last_success_at DATETIME(6)   NULL,
    failures        INT           NOT NULL DEFAULT 0,
    CONSTRAINT uk_push_subscription_endpoint UNIQUE (endpoint_hash),
    CONSTRAINT fk_push_subscription_account FOREIGN KEY (account_id) REFERENCES account (id)
);
