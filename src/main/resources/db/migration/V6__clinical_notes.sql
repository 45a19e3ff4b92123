-- Clinical notes are append-only: a correction is a new note that references the one it corrects.
CREATE TABLE clinical_note (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id         BIGINT        NOT NULL,
    author_id          BIGINT        NOT NULL,
    written_at         DATETIME(6)   NOT NULL,
    body               VARCHAR(4000) NOT NULL,
    shared_with_patient BOOLEAN      NOT NULL DEFAULT FALSE,
    corrects_note_id   BIGINT        NULL,
    CONSTRAINT fk_note_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id),
    CONSTRAINT fk_note_author FOREIGN KEY (author_id) REFERENCES account (id),
    CONSTRAINT fk_note_corrects FOREIGN KEY (corrects_note_id) REFERENCES clinical_note (id)
);
CREATE INDEX ix_note_patient ON clinical_note (patient_id, written_at);

-- Medicines the clinic's guide names as cramp triggers (diuretics, statins), as the physio records them.
ALTER TABLE patient ADD COLUMN medications VARCHAR(300) NULL;
