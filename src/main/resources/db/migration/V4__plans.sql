-- Exercise plans: one plan per patient, a sequence of immutable versions with prescribed items,
-- and the adherence log. Written once for MariaDB 10.11+ and for H2 in MariaDB mode.

CREATE TABLE plan (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id      BIGINT      NOT NULL,
    current_version INT         NOT NULL,
    lock_version    BIGINT      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    CONSTRAINT uk_plan_patient UNIQUE (patient_id),
    CONSTRAINT fk_plan_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id)
);

-- Append-only: a physio's change adds a version; earlier versions are never updated.
CREATE TABLE plan_version (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id        BIGINT       NOT NULL,
    version_number INT          NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    author_id      BIGINT       NOT NULL,
    author_name    VARCHAR(120) NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    effective_from DATE         NOT NULL,
    CONSTRAINT uk_plan_version UNIQUE (plan_id, version_number),
    CONSTRAINT fk_plan_version_plan FOREIGN KEY (plan_id) REFERENCES plan (id),
    CONSTRAINT fk_plan_version_author FOREIGN KEY (author_id) REFERENCES account (id)
);

CREATE TABLE prescribed_item (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_version_id  BIGINT       NOT NULL,
    exercise_id      BIGINT       NOT NULL,
    sort_order       INT          NOT NULL,
    sets             INT          NOT NULL,
    reps             INT          NOT NULL,
    hold_seconds     INT          NOT NULL,
    rest_seconds     INT          NOT NULL,
    times_per_day    INT          NOT NULL,
    days_per_week    INT          NOT NULL,
    timing           VARCHAR(16)  NOT NULL,
    sides            VARCHAR(60)  NULL,
    progression_note VARCHAR(300) NULL,
    CONSTRAINT uk_prescribed_item_exercise UNIQUE (plan_version_id, exercise_id),
    CONSTRAINT fk_prescribed_item_version FOREIGN KEY (plan_version_id) REFERENCES plan_version (id),
    CONSTRAINT fk_prescribed_item_exercise FOREIGN KEY (exercise_id) REFERENCES exercise (id),
    CONSTRAINT ck_prescribed_item_timing CHECK (timing IN ('BEFORE_BED', 'MORNING', 'ANY')),
    CONSTRAINT ck_prescribed_item_sets CHECK (sets BETWEEN 1 AND 10),
    CONSTRAINT ck_prescribed_item_reps CHECK (reps BETWEEN 1 AND 50),
    CONSTRAINT ck_prescribed_item_hold CHECK (hold_seconds BETWEEN 0 AND 120),
    CONSTRAINT ck_prescribed_item_days CHECK (days_per_week BETWEEN 1 AND 7)
);

-- One row per patient, prescribed exercise and day: a second tap finds the row instead of adding one.
-- The exercise identifies the item across plan versions, so re-dosing keeps today's tick.
CREATE TABLE adherence_record (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id      BIGINT      NOT NULL,
    exercise_id     BIGINT      NOT NULL,
    done_day        DATE        NOT NULL,
    week_start      DATE        NOT NULL,
    plan_version_id BIGINT      NOT NULL,
    effort          INT         NULL,
    done_at         DATETIME(6) NOT NULL,
    CONSTRAINT uk_adherence_patient_item_day UNIQUE (patient_id, exercise_id, done_day),
    CONSTRAINT fk_adherence_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id),
    CONSTRAINT fk_adherence_exercise FOREIGN KEY (exercise_id) REFERENCES exercise (id),
    CONSTRAINT fk_adherence_version FOREIGN KEY (plan_version_id) REFERENCES plan_version (id),
    CONSTRAINT ck_adherence_effort CHECK (effort IS NULL OR effort BETWEEN 0 AND 10)
);
CREATE INDEX ix_adherence_patient_week ON adherence_record (patient_id, week_start);
