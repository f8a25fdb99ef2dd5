-- A submission token is minted per form view of one campaign, and a repeat is looked up within that
-- campaign: the same token sent to another campaign is a new response there, not a conflict.
ALTER TABLE "responses" DROP CONSTRAINT "responses_submission_token_unique";--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_campaign_submission_token_uq" UNIQUE("campaign_id","submission_token");
