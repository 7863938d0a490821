CREATE TABLE "account_filings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"form" jsonb NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"required_roles" jsonb NOT NULL,
	"approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"rejected_by" uuid,
	"rejection_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_grants" (
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"actions" jsonb NOT NULL,
	"granted_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_grants_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "account_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"filing_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"type" text NOT NULL,
	"handle" text NOT NULL,
	"display_name" text NOT NULL,
	"function" text DEFAULT '' NOT NULL,
	"owner_id" uuid NOT NULL,
	"team" text DEFAULT '' NOT NULL,
	"positioning" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"verification" text DEFAULT 'none' NOT NULL,
	"avatar_url" text,
	"cover_url" text,
	"audience_notes" text DEFAULT '' NOT NULL,
	"cadence" jsonb,
	"status" text NOT NULL,
	"flags" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"api_base_url" text,
	"credentials" text,
	"platform_account_id" text,
	"token_expires_at" timestamp with time zone,
	"connected_at" timestamp with time zone,
	"last_sync_at" timestamp with time zone,
	"failed_calls" integer DEFAULT 0 NOT NULL,
	"last_security_check_at" timestamp with time zone,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account_filings" ADD CONSTRAINT "account_filings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_filings" ADD CONSTRAINT "account_filings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_grants" ADD CONSTRAINT "account_grants_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_grants" ADD CONSTRAINT "account_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_grants" ADD CONSTRAINT "account_grants_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_reminders" ADD CONSTRAINT "account_reminders_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_reminders" ADD CONSTRAINT "account_reminders_filing_id_account_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."account_filings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_reminders" ADD CONSTRAINT "account_reminders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_settings" ADD CONSTRAINT "account_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_filings_ws_status_idx" ON "account_filings" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE INDEX "account_filings_account_idx" ON "account_filings" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "account_grants_ws_user_idx" ON "account_grants" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_reminders_filing_day_uq" ON "account_reminders" USING btree ("filing_id","day");--> statement-breakpoint
CREATE INDEX "account_reminders_ws_idx" ON "account_reminders" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_ws_platform_handle_uq" ON "accounts" USING btree ("workspace_id","platform","handle");--> statement-breakpoint
CREATE INDEX "accounts_ws_status_idx" ON "accounts" USING btree ("workspace_id","status");