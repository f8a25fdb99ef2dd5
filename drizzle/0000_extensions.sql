-- pg_trgm gives similarity search over Chinese text (no word boundaries) on PGlite and PostgreSQL alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
