-- Progress in SQL (issue 18): the progress page sums a year of cramps per night (count, sum and max of intensity)
-- and counts them by location and trigger, grouped in the database. This index covers those reads, so a year of
-- diary is read from the index alone, without a row lookup per cramp.
CREATE INDEX ix_cramp_patient_night_figures ON cramp_entry (patient_id, night_date, intensity, location, triggers);
