-- Follow-up booking (issue 7). Written once for MariaDB 10.11+ and for H2 in MariaDB mode.

-- A physio's regular week: one row per working weekday (1 = Monday ... 7 = Sunday), with an optional break.
CREATE TABLE working_day (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    physio_id    BIGINT  NOT NULL,
    weekday      INT     NOT NULL,
    start_time   TIME    NOT NULL,
    end_time     TIME    NOT NULL,
    break_start  TIME    NULL,
    break_end    TIME    NULL,
    slot_minutes INT     NOT NULL DEFAULT 30,
    CONSTRAINT fk_working_day_physio FOREIGN KEY (physio_id) REFERENCES account (id),
    CONSTRAINT uk_working_day UNIQUE (physio_id, weekday),
    CONSTRAINT ck_working_day_weekday CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT ck_working_day_slot CHECK (slot_minutes BETWEEN 10 AND 240)
);

-- One-off days off (holiday, sick day), inclusive of both dates, in the clinic's calendar.
CREATE TABLE closure (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    physio_id  BIGINT       NOT NULL,
    first_day  DATE         NOT NULL,
    last_day   DATE         NOT NULL,
    reason     VARCHAR(200) NOT NULL,
    CONSTRAINT fk_closure_physio FOREIGN KEY (physio_id) REFERENCES account (id)
);
CREATE INDEX ix_closure_physio ON closure (physio_id, last_day);

-- Appointments are never deleted. active_start holds starts_at while the appointment holds its slot and is
-- NULL once cancelled: the unique key then forbids two live appointments of one physio at the same start
-- (UNIQUE allows many NULLs on both engines), so two app instances can never both book one slot.
CREATE TABLE appointment (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id    BIGINT        NOT NULL,
    physio_id     BIGINT        NOT NULL,
    starts_at     DATETIME(6)   NOT NULL,
    ends_at       DATETIME(6)   NOT NULL,
    active_start  DATETIME(6)   NULL,
    type          VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    note          VARCHAR(500)  NULL,
    booked_by     VARCHAR(254)  NOT NULL,
    booked_at     DATETIME(6)   NOT NULL,
    cancelled_by  VARCHAR(254)  NULL,
    cancelled_at  DATETIME(6)   NULL,
    sequence_no   INT           NOT NULL DEFAULT 0,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_appointment_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id),
    CONSTRAINT fk_appointment_physio FOREIGN KEY (physio_id) REFERENCES account (id),
    CONSTRAINT uk_appointment_slot UNIQUE (physio_id, active_start),
    CONSTRAINT ck_appointment_type CHECK (type IN ('IN_CLINIC', 'VIDEO')),
    CONSTRAINT ck_appointment_status CHECK (status IN ('BOOKED', 'CANCELLED', 'ATTENDED', 'NO_SHOW'))
);
CREATE INDEX ix_appointment_patient ON appointment (patient_id, starts_at);
CREATE INDEX ix_appointment_physio ON appointment (physio_id, starts_at);
