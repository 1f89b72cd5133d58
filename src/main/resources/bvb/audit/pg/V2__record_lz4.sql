-- Records are compact JSON of 30-100 KB, kept out of line (TOAST) and compressed. lz4 compresses
-- them in a fraction of pglz's time and a quarter smaller, which shortens every append. Servers
-- built without lz4 (or before PostgreSQL 14) keep their default compression: nothing else changes.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE bvb_decisions ALTER COLUMN record SET COMPRESSION lz4;
  END IF;
END
$$;
