CREATE TABLE "analytics_account_snapshots" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"platform" text NOT NULL,
	"account" text NOT NULL,
	"followers" bigint,
	"new_followers" bigint,
	"unfollows" bigint,
	"source" text DEFAULT 'import' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_account_snapshots_workspace_id_day_platform_account_pk" PRIMARY KEY("workspace_id","day","platform","account")
);
--> statement-breakpoint
CREATE TABLE "analytics_competitor_snapshots" (
	"competitor_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"followers" bigint,
	"posts" integer,
	"interaction_rate" double precision,
	CONSTRAINT "analytics_competitor_snapshots_competitor_id_day_pk" PRIMARY KEY("competitor_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_competitors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"platform" text NOT NULL,
	"handle" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_rollups" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"platform" text NOT NULL,
	"account" text NOT NULL,
	"posts" integer DEFAULT 0 NOT NULL,
	"exposure" bigint,
	"interactions" bigint,
	"clicks" bigint,
	"conversions" bigint,
	"followers" bigint,
	"new_followers" bigint,
	"unfollows" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_daily_rollups_workspace_id_day_platform_account_pk" PRIMARY KEY("workspace_id","day","platform","account")
);
--> statement-breakpoint
CREATE TABLE "analytics_goals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"target" double precision NOT NULL,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"start_day" date NOT NULL,
	"end_day" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_post_snapshots" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"platform" text NOT NULL,
	"account" text NOT NULL,
	"post_id" text NOT NULL,
	"post_title" text DEFAULT '' NOT NULL,
	"theme" text,
	"format" text,
	"published_hour" integer,
	"exposure" bigint,
	"likes" bigint,
	"comments" bigint,
	"shares" bigint,
	"saves" bigint,
	"clicks" bigint,
	"conversions" bigint,
	"source" text DEFAULT 'import' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_post_snapshots_workspace_id_day_platform_account_post_id_pk" PRIMARY KEY("workspace_id","day","platform","account","post_id")
);
--> statement-breakpoint
ALTER TABLE "analytics_account_snapshots" ADD CONSTRAINT "analytics_account_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_competitor_snapshots" ADD CONSTRAINT "analytics_competitor_snapshots_competitor_id_analytics_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."analytics_competitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_competitor_snapshots" ADD CONSTRAINT "analytics_competitor_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_competitors" ADD CONSTRAINT "analytics_competitors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_daily_rollups" ADD CONSTRAINT "analytics_daily_rollups_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_goals" ADD CONSTRAINT "analytics_goals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_post_snapshots" ADD CONSTRAINT "analytics_post_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_account_snapshots_ws_day_idx" ON "analytics_account_snapshots" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE INDEX "analytics_competitor_snapshots_ws_idx" ON "analytics_competitor_snapshots" USING btree ("workspace_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_competitors_uq" ON "analytics_competitors" USING btree ("workspace_id","platform","name");--> statement-breakpoint
CREATE INDEX "analytics_goals_ws_idx" ON "analytics_goals" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "analytics_post_snapshots_ws_day_idx" ON "analytics_post_snapshots" USING btree ("workspace_id","day");