CREATE TABLE "inbox_conversations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"kind" text NOT NULL,
	"thread_key" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_user_id" uuid,
	"priority" text DEFAULT 'normal' NOT NULL,
	"priority_manual" boolean DEFAULT false NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"author_id" text,
	"author_name" text,
	"platform_post_id" text,
	"reply_to_id" text,
	"last_text" text,
	"last_sentiment" text,
	"last_intent" text,
	"last_spam" boolean,
	"last_message_at" timestamp with time zone NOT NULL,
	"last_inbound_at" timestamp with time zone,
	"message_count" integer DEFAULT 0 NOT NULL,
	"sla_due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"sla_warned_at" timestamp with time zone,
	"sla_breach_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"inbound_item_id" uuid,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_id" text,
	"author_name" text,
	"sentiment" text,
	"intent" text,
	"spam" boolean,
	"sentiment_score" real,
	"status" text,
	"private" boolean DEFAULT false NOT NULL,
	"platform_message_id" text,
	"sent_by_user_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"moderation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_sla_policies" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"first_response_working_hours" real NOT NULL,
	"warn_before_minutes" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_conversations" ADD CONSTRAINT "inbox_conversations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_conversation_id_inbox_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."inbox_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_sla_policies" ADD CONSTRAINT "inbox_sla_policies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_conv_thread_uq" ON "inbox_conversations" USING btree ("workspace_id","account_id","thread_key");--> statement-breakpoint
CREATE INDEX "inbox_conv_ws_last_idx" ON "inbox_conversations" USING btree ("workspace_id","last_message_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbox_conv_ws_status_last_idx" ON "inbox_conversations" USING btree ("workspace_id","status","last_message_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbox_conv_ws_assignee_idx" ON "inbox_conversations" USING btree ("workspace_id","assignee_user_id");--> statement-breakpoint
CREATE INDEX "inbox_conv_sla_idx" ON "inbox_conversations" USING btree ("workspace_id","sla_due_at") WHERE first_response_at is null and status in ('open','pending');--> statement-breakpoint
CREATE INDEX "inbox_msg_conv_idx" ON "inbox_messages" USING btree ("conversation_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_msg_inbound_uq" ON "inbox_messages" USING btree ("inbound_item_id");--> statement-breakpoint
CREATE INDEX "inbox_msg_platform_idx" ON "inbox_messages" USING btree ("conversation_id","platform_message_id");