CREATE TABLE "analytics_report_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"report" text NOT NULL,
	"format" text NOT NULL,
	"day" integer NOT NULL,
	"time" text NOT NULL,
	"channel_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_period" text,
	"last_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_tracked_posts" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"platform_post_id" text NOT NULL,
	"publication_id" uuid,
	"platform" text NOT NULL,
	"account" text NOT NULL,
	"post_title" text DEFAULT '' NOT NULL,
	"theme" text,
	"format" text,
	"published_at" timestamp with time zone NOT NULL,
	"published_hour" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"next_collect_at" timestamp with time zone,
	"last_collected_at" timestamp with time zone,
	"collections" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"cum_day" date,
	"base" jsonb,
	"last" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_tracked_posts_workspace_id_account_id_platform_post_id_pk" PRIMARY KEY("workspace_id","account_id","platform_post_id")
);
--> statement-breakpoint
ALTER TABLE "analytics_report_schedules" ADD CONSTRAINT "analytics_report_schedules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_tracked_posts" ADD CONSTRAINT "analytics_tracked_posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_report_schedules_ws_idx" ON "analytics_report_schedules" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_tracked_posts_publication_uq" ON "analytics_tracked_posts" USING btree ("publication_id");--> statement-breakpoint
CREATE INDEX "analytics_tracked_posts_due_idx" ON "analytics_tracked_posts" USING btree ("status","next_collect_at");