CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text,
	"email_verified" boolean DEFAULT true NOT NULL,
	"current_org_id" text,
	"current_team_id" text,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"goal" text NOT NULL,
	"backstory" text NOT NULL,
	"model_id" text,
	"function_model_id" text,
	"max_iter" integer,
	"max_rpm" integer,
	"verbose" boolean DEFAULT false NOT NULL,
	"allow_delegation" boolean DEFAULT false NOT NULL,
	"tool_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"variable_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"icon" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apps" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"org_id" text NOT NULL,
	"created_by" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"author" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"icon" jsonb,
	"sharing_mode" text DEFAULT 'team' NOT NULL,
	"sharing_permissions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"share_link_share_id" text,
	"kick_off_variables_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"chat_app_config" jsonb,
	"crew_id" text,
	"memory" boolean DEFAULT false NOT NULL,
	"cache" boolean DEFAULT false NOT NULL,
	"needs_variables" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"secret_hash" text NOT NULL,
	"name" text,
	"description" text,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crews" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"tasks" text[] DEFAULT '{}'::text[] NOT NULL,
	"agents" text[] DEFAULT '{}'::text[] NOT NULL,
	"process" text DEFAULT 'sequential' NOT NULL,
	"manager_model_id" text,
	"verbose" boolean DEFAULT false NOT NULL,
	"full_output" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"session_id" text NOT NULL,
	"seq" integer NOT NULL,
	"chunk_id" text NOT NULL,
	"author_id" text,
	"author_name" text NOT NULL,
	"incoming" boolean NOT NULL,
	"is_feedback" boolean DEFAULT false NOT NULL,
	"type" text DEFAULT 'text' NOT NULL,
	"display_type" text DEFAULT 'bubble' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"tokens" integer DEFAULT 0 NOT NULL,
	"completed" boolean DEFAULT false NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	"ts" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"model" text NOT NULL,
	"type" text NOT NULL,
	"model_type" text NOT NULL,
	"embedding_length" integer DEFAULT 0 NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secrets" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_members" (
	"org_id" text NOT NULL,
	"account_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_members_org_id_account_id_pk" PRIMARY KEY("org_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_leases" (
	"session_id" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"org_id" text NOT NULL,
	"app_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'started' NOT NULL,
	"tokens_used" bigint DEFAULT 0 NOT NULL,
	"sharing_mode" text DEFAULT 'team' NOT NULL,
	"sharing_permissions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"variables" jsonb,
	"preview_label" text,
	"created_by" text,
	"stop_requested" boolean DEFAULT false NOT NULL,
	"error_message" text,
	"start_date" timestamp with time zone DEFAULT now() NOT NULL,
	"last_updated_date" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"expected_output" text DEFAULT '' NOT NULL,
	"agent_id" text,
	"tool_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"context" text[] DEFAULT '{}'::text[] NOT NULL,
	"variable_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"async_execution" boolean DEFAULT false NOT NULL,
	"requires_human_input" boolean DEFAULT false NOT NULL,
	"display_only_final_output" boolean DEFAULT false NOT NULL,
	"store_task_output" boolean DEFAULT false NOT NULL,
	"task_output_file_name" text,
	"is_structured_output" boolean DEFAULT false NOT NULL,
	"task_output_variable_name" text,
	"form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"icon" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" text NOT NULL,
	"account_id" text NOT NULL,
	"org_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_account_id_pk" PRIMARY KEY("team_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"owner_id" text NOT NULL,
	"default_llm_model_id" text,
	"default_embedding_model_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tools" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"schema" text,
	"datasource_id" text,
	"retriever_type" text,
	"retriever_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secrets" text,
	"parameters" jsonb,
	"required_parameters" jsonb,
	"rag_filters" jsonb,
	"linked_tool_id" text,
	"function_id" text,
	"icon" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "variables" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"default_value" text NOT NULL,
	"description" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_email_key" ON "accounts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "agents_team_idx" ON "agents" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "apps_team_idx" ON "apps" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "credentials_account_idx" ON "credentials" USING btree ("account_id","kind");--> statement-breakpoint
CREATE INDEX "crews_team_idx" ON "crews" USING btree ("team_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_session_seq_key" ON "messages" USING btree ("session_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_session_chunk_key" ON "messages" USING btree ("session_id","chunk_id");--> statement-breakpoint
CREATE INDEX "messages_team_session_idx" ON "messages" USING btree ("team_id","session_id");--> statement-breakpoint
CREATE INDEX "models_team_idx" ON "models" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "org_members_account_idx" ON "org_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sessions_team_idx" ON "sessions" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "tasks_team_idx" ON "tasks" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "team_members_account_idx" ON "team_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "teams_org_idx" ON "teams" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "tools_team_idx" ON "tools" USING btree ("team_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "variables_team_name_key" ON "variables" USING btree ("team_id","name");