-- What the patient answered in the morning, kept apart from cramp_free, which a cramp logged later for that
-- night clears: deleting the night's last cramp then restores the answer instead of losing it.
ALTER TABLE night_check_in ADD COLUMN answered_cramp_free BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE night_check_in SET answered_cramp_free = cramp_free;
