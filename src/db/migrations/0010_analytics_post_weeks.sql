CREATE TABLE "analytics_post_weeks" (
	"workspace_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"platform" text NOT NULL,
	"account" text NOT NULL,
	"post_id" text NOT NULL,
	"first_day" date NOT NULL,
	"post_title" text DEFAULT '' NOT NULL,
	"theme" text,
	"format" text,
	"published_hour" integer,
	"exposure" double precision,
	"likes" double precision,
	"comments" double precision,
	"shares" double precision,
	"saves" double precision,
	"clicks" double precision,
	"conversions" double precision,
	CONSTRAINT "analytics_post_weeks_workspace_id_week_start_platform_account_post_id_pk" PRIMARY KEY("workspace_id","week_start","platform","account","post_id")
);
--> statement-breakpoint
ALTER TABLE "analytics_post_weeks" ADD CONSTRAINT "analytics_post_weeks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;