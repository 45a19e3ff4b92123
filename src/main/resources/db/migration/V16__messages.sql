-- Issue 17: one conversation per patient with their care team (the physio assigned now), append-only.

-- A message is never edited. Withdrawing one (by its sender, within five minutes) stamps withdrawn_at: the text
-- stays in the record, nobody is shown it any more. read_at is the receipt: when the other side first saw it.
-- about_* point at what the message is about: a night or a week (about_day), a plan version (about_number) or
-- an appointment (about_number is its id); checked against the patient when sent. changed_at moves on every
-- change (sent, read, withdrawn) so that each instance can notice new activity with one indexed query.
CREATE TABLE message (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id    BIGINT        NOT NULL,
    sender_id     BIGINT        NOT NULL,
    from_patient  BOOLEAN       NOT NULL,
    sent_at       DATETIME(6)   NOT NULL,
    body          VARCHAR(2000) NOT NULL,
    about_kind    VARCHAR(12)   NULL,
    about_day     DATE          NULL,
    about_number  BIGINT        NULL,
    read_at       DATETIME(6)   NULL,
    read_by       BIGINT        NULL,
    withdrawn_at  DATETIME(6)   NULL,
    changed_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_message_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id),
    CONSTRAINT fk_message_sender FOREIGN KEY (sender_id) REFERENCES account (id),
    CONSTRAINT fk_message_reader FOREIGN KEY (read_by) REFERENCES account (id)
);
CREATE INDEX ix_message_conversation ON message (patient_id, id);
CREATE INDEX ix_message_sender ON message (sender_id, sent_at);
CREATE INDEX ix_message_changed ON message (changed_at);

-- At most one "you have a new message" email per conversation and recipient an hour, across instances: the
-- instance that moves last_emailed_at forward (or inserts the row) queues the email.
CREATE TABLE message_notice (
    patient_id      BIGINT      NOT NULL,
    recipient_id    BIGINT      NOT NULL,
    last_emailed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (patient_id, recipient_id),
    CONSTRAINT fk_message_notice_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id),
    CONSTRAINT fk_message_notice_recipient FOREIGN KEY (recipient_id) REFERENCES account (id)
);

-- A plan change made in answer to a message links back to it.
ALTER TABLE plan_version ADD COLUMN answers_message_id BIGINT NULL;
ALTER TABLE plan_version ADD CONSTRAINT fk_plan_version_message FOREIGN KEY (answers_message_id) REFERENCES message (id);

-- Message emails have their own switch and unsubscribe link, on by default.
ALTER TABLE reminder_settings ADD COLUMN message_emails BOOLEAN NOT NULL DEFAULT TRUE;
