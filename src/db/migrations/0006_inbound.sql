CREATE TABLE "inbound_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"via" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"author_id" text,
	"author_name" text,
	"platform_post_id" text,
	"text" text,
	"sentiment" text,
	"sentiment_score" real,
	"intent" text,
	"spam" boolean,
	"keywords" jsonb,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_items" ADD CONSTRAINT "inbound_items_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_account_event_uq" ON "inbound_items" USING btree ("account_id","event_id");--> statement-breakpoint
CREATE INDEX "inbound_ws_occurred_idx" ON "inbound_items" USING btree ("workspace_id","occurred_at");