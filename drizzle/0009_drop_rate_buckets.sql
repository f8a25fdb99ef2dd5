-- Submission rate limits are counted in the app process now (src/lib/server/rate-limit.ts).
DROP TABLE "rate_buckets";