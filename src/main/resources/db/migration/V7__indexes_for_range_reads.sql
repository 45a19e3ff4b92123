-- Found by the data-scale benchmark (bench/, issue 10): reads by day range must be index range scans.
-- The caseload's and the progress page's ticks by (patient, day range); covering, so no row lookups.
CREATE INDEX ix_adherence_patient_day ON adherence_record (patient_id, done_day, exercise_id);
-- The caseload's first and last cramp-free night per patient, and cramp-free nights in its windows.
CREATE INDEX ix_check_in_patient_free ON night_check_in (patient_id, cramp_free, night_date);
