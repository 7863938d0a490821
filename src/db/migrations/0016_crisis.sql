CREATE TABLE "crisis_drills" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"playbook_id" uuid NOT NULL,
	"scenario" text NOT NULL,
	"state" text NOT NULL,
	"incident_id" uuid,
	"details" jsonb NOT NULL,
	"score" jsonb,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crisis_incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"state" text NOT NULL,
	"playbook_id" uuid NOT NULL,
	"alert_id" uuid,
	"drill_id" uuid,
	"checklist" jsonb NOT NULL,
	"timeline" jsonb NOT NULL,
	"statements" jsonb NOT NULL,
	"post_mortem" jsonb,
	"state_at" jsonb NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_playbooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"level" text NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crisis_drills" ADD CONSTRAINT "crisis_drills_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_incidents" ADD CONSTRAINT "crisis_incidents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_playbooks" ADD CONSTRAINT "crisis_playbooks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_drills_ws_started_idx" ON "crisis_drills" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE INDEX "crisis_incidents_ws_opened_idx" ON "crisis_incidents" USING btree ("workspace_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_playbooks_level_uq" ON "crisis_playbooks" USING btree ("workspace_id","level");