-- Sessions of an account signed in before this moment are ended at their next request: set when the account is
-- disabled, its password reset by the admin, or changed by its owner (whose current session is kept).
ALTER TABLE account ADD COLUMN sessions_valid_from DATETIME(6) NULL;
