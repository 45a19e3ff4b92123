-- FailedMigrationTest: the corrected upgrade, run after the half-done part was undone and `flyway repair`.
CREATE TABLE upgrade_probe (id BIGINT NOT NULL PRIMARY KEY);
ALTER TABLE upgrade_probe ADD COLUMN added INT NULL;
