CREATE TABLE "listening_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"monitor_id" uuid,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"state" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"title" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"mention_id" uuid,
	"opened_by" text NOT NULL,
	"incident_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "listening_mentions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"via" text NOT NULL,
	"url" text,
	"title" text,
	"text" text NOT NULL,
	"author_name" text NOT NULL,
	"author_followers" bigint NOT NULL,
	"author_verified" boolean NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"reposts" integer NOT NULL,
	"comments" integer NOT NULL,
	"likes" integer NOT NULL,
	"sentiment" text NOT NULL,
	"sentiment_score" real NOT NULL,
	"intent" text NOT NULL,
	"keywords" jsonb NOT NULL,
	"reach" bigint NOT NULL,
	"risk" text NOT NULL,
	"risk_reasons" jsonb NOT NULL,
	"monitor_ids" uuid[] NOT NULL,
	"dup_key" text NOT NULL,
	"group_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listening_monitors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"query" text NOT NULL,
	"excludes" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"frequency" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listening_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"risk_matrix" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listening_alerts" ADD CONSTRAINT "listening_alerts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_mentions" ADD CONSTRAINT "listening_mentions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_monitors" ADD CONSTRAINT "listening_monitors_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_settings" ADD CONSTRAINT "listening_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "listening_alerts_open_uq" ON "listening_alerts" USING btree ("workspace_id","dedupe_key") WHERE state <> 'closed';--> statement-breakpoint
CREATE INDEX "listening_alerts_ws_opened_idx" ON "listening_alerts" USING btree ("workspace_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "listening_mentions_source_uq" ON "listening_mentions" USING btree ("workspace_id","source","external_id");--> statement-breakpoint
CREATE INDEX "listening_mentions_ws_published_idx" ON "listening_mentions" USING btree ("workspace_id","published_at","id");--> statement-breakpoint
CREATE INDEX "listening_mentions_ws_received_idx" ON "listening_mentions" USING btree ("workspace_id","received_at");--> statement-breakpoint
CREATE INDEX "listening_mentions_dup_idx" ON "listening_mentions" USING btree ("workspace_id","dup_key");--> statement-breakpoint
CREATE INDEX "listening_monitors_ws_idx" ON "listening_monitors" USING btree ("workspace_id");