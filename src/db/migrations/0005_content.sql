CREATE TABLE "content_cadence_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"period_start" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"date" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'workspace' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"planned_at" timestamp with time zone,
	"platforms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"account_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topic" text NOT NULL,
	"theme_class" text,
	"format" text,
	"goal" text,
	"owner_id" uuid,
	"summary" text,
	"media_notes" text,
	"engagement_prompt" text,
	"expected_exposure" integer,
	"expected_interactions" integer,
	"actual_exposure" integer,
	"actual_interactions" integer,
	"actual_updated_at" timestamp with time zone,
	"notes" text,
	"status" text NOT NULL,
	"campaign" text,
	"goal_ref" text,
	"master" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"hashtags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"theme_class" text,
	"format" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_variants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"account_id" uuid,
	"platform" text NOT NULL,
	"title" text,
	"text" text NOT NULL,
	"digest" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"media_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"customized" boolean DEFAULT false NOT NULL,
	"text_hash" text NOT NULL,
	"submitted_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_ics_feeds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "media_assets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"duration_sec" double precision,
	"sha256" text NOT NULL,
	"storage_path" text NOT NULL,
	"rights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "content_posting_observations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"interaction_rate" double precision NOT NULL,
	"source" text NOT NULL,
	"external_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "content_cadence_reports" ADD CONSTRAINT "content_cadence_reports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_events" ADD CONSTRAINT "content_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_templates" ADD CONSTRAINT "content_templates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_variants" ADD CONSTRAINT "content_variants_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_variants" ADD CONSTRAINT "content_variants_item_id_content_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."content_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_ics_feeds" ADD CONSTRAINT "content_ics_feeds_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_posting_observations" ADD CONSTRAINT "content_posting_observations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_cadence_reports_uq" ON "content_cadence_reports" USING btree ("workspace_id","account_id","period_start");--> statement-breakpoint
CREATE INDEX "content_events_ws_date_idx" ON "content_events" USING btree ("workspace_id","date");--> statement-breakpoint
CREATE INDEX "content_items_ws_at_idx" ON "content_items" USING btree ("workspace_id","planned_at");--> statement-breakpoint
CREATE INDEX "content_items_ws_status_idx" ON "content_items" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "content_templates_ws_idx" ON "content_templates" USING btree ("workspace_id","kind");--> statement-breakpoint
CREATE INDEX "content_variants_item_idx" ON "content_variants" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "content_variants_ws_account_idx" ON "content_variants" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_ics_token_uq" ON "content_ics_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "content_ics_ws_idx" ON "content_ics_feeds" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "media_assets_ws_idx" ON "media_assets" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "content_obs_ws_account_idx" ON "content_posting_observations" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "content_obs_key_uq" ON "content_posting_observations" USING btree ("workspace_id","account_id","external_key");