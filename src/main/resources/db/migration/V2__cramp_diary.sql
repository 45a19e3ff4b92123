-- Cramp diary (issue 4). Written once for MariaDB 10.11+ and H2 in MariaDB mode.
-- night_date is derived at write time (diary.Nights: before noon belongs to the previous evening),
-- so grouping by night needs no date functions in SQL.

CREATE TABLE cramp_entry (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id       BIGINT       NOT NULL,
    occurred_at      DATETIME(6)  NOT NULL,
    night_date       DATE         NOT NULL,
    intensity        INT          NOT NULL,
    duration         VARCHAR(16)  NULL,
    duration_minutes INT          NULL,
    location         VARCHAR(20)  NOT NULL,
    side             VARCHAR(8)   NULL,
    woke_from_sleep  BOOLEAN      NOT NULL DEFAULT FALSE,
    triggers         VARCHAR(200) NOT NULL DEFAULT '',
    relief           VARCHAR(200) NOT NULL DEFAULT '',
    note             VARCHAR(500) NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    CONSTRAINT fk_cramp_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id),
    CONSTRAINT ck_cramp_intensity CHECK (intensity BETWEEN 0 AND 10),
    CONSTRAINT ck_cramp_minutes CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 240)
);
CREATE INDEX ix_cramp_patient_night ON cramp_entry (patient_id, night_date);

-- The morning check-in: one row per patient and night. cramp_free = TRUE is what makes a night
-- with no cramps different from a night with no record.
CREATE TABLE night_check_in (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id        BIGINT      NOT NULL,
    night_date        DATE        NOT NULL,
    cramp_free        BOOLEAN     NOT NULL,
    sleep_disturbance INT         NULL,
    created_at        DATETIME(6) NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    CONSTRAINT uk_check_in_night UNIQUE (patient_id, night_date),
    CONSTRAINT fk_check_in_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id),
    CONSTRAINT ck_check_in_disturbance CHECK (sleep_disturbance IS NULL OR sleep_disturbance BETWEEN 0 AND 10)
);
