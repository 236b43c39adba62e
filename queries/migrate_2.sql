-- Schema version 2: the age bands a consultation's form offered, when the
-- export cannot show them (a band nobody chose is not in its answers).
ALTER TABLE consultations ADD COLUMN age_bands_offered TEXT;
