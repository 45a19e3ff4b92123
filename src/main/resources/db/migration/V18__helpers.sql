-- Issue 24: a patient's family member or carer helps with their own account (role HELPER). A helper sees only the
-- patients who invited them, through an active row here; the patient chose "view only" (may_record false) or
-- "view and record". The patient or the admin ends it by setting revoked_at; rows are never deleted, so who helped
-- whom and when stays on record.
ALTER TABLE account DROP CONSTRAINT ck_account_role;
ALTER TABLE account ADD CONSTRAINT ck_account_role CHECK (role IN ('PATIENT', 'PHYSIO', 'ADMIN', 'HELPER'));

CREATE TABLE helper_grant (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    patient_id   BIGINT       NOT NULL,
    helper_id    BIGINT       NOT NULL,
    relationship VARCHAR(40)  NULL,
    may_record   BOOLEAN      NOT NULL,
    granted_at   DATETIME(6)  NOT NULL,
    revoked_at   DATETIME(6)  NULL,
    revoked_by   VARCHAR(254) NULL,
    CONSTRAINT fk_helper_grant_patient FOREIGN KEY (patient_id) REFERENCES patient (account_id),
    CONSTRAINT fk_helper_grant_helper FOREIGN KEY (helper_id) REFERENCES account (id)
);
CREATE INDEX ix_helper_grant_helper ON helper_grant (helper_id, revoked_at);
CREATE INDEX ix_helper_grant_patient ON helper_grant (patient_id, revoked_at);

-- Who wrote a diary entry when it was not the patient themself (a helper); NULL means the patient.
ALTER TABLE cramp_entry ADD COLUMN logged_by BIGINT NULL;
ALTER TABLE cramp_entry ADD CONSTRAINT fk_cramp_entry_logged_by FOREIGN KEY (logged_by) REFERENCES account (id);
ALTER TABLE night_check_in ADD COLUMN logged_by BIGINT NULL;
ALTER TABLE night_check_in ADD CONSTRAINT fk_night_check_in_logged_by FOREIGN KEY (logged_by) REFERENCES account (id);
