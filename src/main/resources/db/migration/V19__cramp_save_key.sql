-- Idempotent diary saves (issue 20). A form that logs a cramp holds a save key (a UUID made when the form opens)
-- until the person has seen the save confirmed; Save pressed again after a timeout, or a retried request, brings the
-- same key, and the unique key below makes a second row impossible: DiaryService returns the entry already saved.
-- Rows written before this migration, and imports (recordHistory), have no key; NULLs never collide in a unique key
-- on MariaDB or H2.
ALTER TABLE cramp_entry ADD COLUMN save_key VARCHAR(36) NULL;
CREATE UNIQUE INDEX uk_cramp_save_key ON cramp_entry (patient_id, save_key);
