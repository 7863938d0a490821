ALTER TABLE "content_items" ADD COLUMN "fact_owner_id" uuid;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "actual_conversions" integer;--> statement-breakpoint
ALTER TABLE "content_items" ADD COLUMN "publish_when_approved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "review_items" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "review_items" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "review_variants" ADD COLUMN "account_id" uuid;--> statement-breakpoint
ALTER TABLE "review_variants" ADD COLUMN "account_name" text;--> statement-breakpoint
ALTER TABLE "review_variants" ADD COLUMN "previous_body" text;--> statement-breakpoint
ALTER TABLE "content_items" ADD CONSTRAINT "content_items_fact_owner_id_users_id_fk" FOREIGN KEY ("fact_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;