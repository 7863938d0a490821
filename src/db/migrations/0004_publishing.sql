CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"content_item_id" text NOT NULL,
	"variant_id" text NOT NULL,
	"account_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"state" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"text_hash" text NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"job_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"budget_used" integer DEFAULT 0 NOT NULL,
	"claimed_by" text,
	"lease_until" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"platform_post_id" text,
	"url" text,
	"publish_job_id" text,
	"published_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"last_error" text,
	"last_error_kind" text,
	"handoff" jsonb,
	"metrics_follow_up" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publish_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"publication_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"worker" text,
	"message" text,
	"platform_code" text,
	"retry_after_ms" integer,
	"raw" jsonb
);
--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publish_attempts" ADD CONSTRAINT "publish_attempts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publish_attempts" ADD CONSTRAINT "publish_attempts_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "publications_ws_variant_uq" ON "publications" USING btree ("workspace_id","variant_id");--> statement-breakpoint
CREATE INDEX "publications_state_due_idx" ON "publications" USING btree ("state","due_at");--> statement-breakpoint
CREATE INDEX "publications_ws_state_due_idx" ON "publications" USING btree ("workspace_id","state","due_at");--> statement-breakpoint
CREATE INDEX "publications_account_state_idx" ON "publications" USING btree ("account_id","state");--> statement-breakpoint
CREATE INDEX "publish_attempts_pub_idx" ON "publish_attempts" USING btree ("publication_id","number");