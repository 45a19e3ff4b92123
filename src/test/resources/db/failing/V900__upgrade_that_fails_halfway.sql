-- FailedMigrationTest: an upgrade whose second statement fails. MariaDB commits each DDL statement at once, so the
-- first one stays done: the half-way state an operator meets after a failed upgrade.
CREATE TABLE upgrade_probe (id BIGINT NOT NULL PRIMARY KEY);
ALTER TABLE no_such_table ADD COLUMN never_added INT NULL;
