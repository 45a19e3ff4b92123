-- Written once for MariaDB 10.11+ and for H2 in MariaDB mode: keep to the syntax both accept.

CREATE TABLE account (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    email                VARCHAR(254) NOT NULL,
    display_name         VARCHAR(120) NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    role                 VARCHAR(16)  NOT NULL,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at           DATETIME(6)  NOT NULL,
    CONSTRAINT uk_account_email UNIQUE (email),
    CONSTRAINT ck_account_role CHECK (role IN ('PATIENT', 'PHYSIO', 'ADMIN'))
);

-- One row per patient account: who treats them and since when.
CREATE TABLE patient (
    account_id     BIGINT NOT NULL PRIMARY KEY,
    physio_id      BIGINT NOT NULL,
    assigned_since DATE   NOT NULL,
    birth_date     DATE   NULL,
    CONSTRAINT fk_patient_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_patient_physio FOREIGN KEY (physio_id) REFERENCES account (id)
);
CREATE INDEX ix_patient_physio ON patient (physio_id);

-- Append-only: the application inserts and reads, never updates or deletes.
CREATE TABLE audit_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)   NOT NULL,
    actor       VARCHAR(254)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    patient_id  BIGINT        NULL,
    detail      VARCHAR(1000) NULL
);
CREATE INDEX ix_audit_occurred ON audit_event (occurred_at);
CREATE INDEX ix_audit_patient ON audit_event (patient_id, occurred_at);
CREATE INDEX ix_audit_actor ON audit_event (actor, occurred_at);
