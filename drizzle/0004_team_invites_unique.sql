DROP INDEX "team_invites_team_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "team_invites_team_account_key" ON "team_invites" USING btree ("team_id","account_id");