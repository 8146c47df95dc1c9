import type { DB } from "@/lib/data/db/generated/kysely/tables";
import type { Selectable } from "kysely";
import type { ApiStatus, NoticeType, SubscriptionStatus, TokenType } from "./types";

// The rows the store's SQL returns, built from the tables generated from prisma/schema.prisma
// (the Kysely generator, scripts/generate-prisma.mjs): a renamed or dropped column fails the type
// check here rather than a test. The generated values are as both drivers return them: timestamps
// as epoch ms (SQLite stores them so; the PostgreSQL pool parses `timestamp`, postgres/connection.ts),
// booleans as 0/1 (SQLite) or true/false (PostgreSQL).

type Row<T extends keyof DB> = Selectable<DB[T]>;
/** A column read under another name (`col AS name`). */
type As<T extends keyof DB, C extends keyof Row<T>, Name extends string> = { [K in Name]: Row<T>[C] };
/** Columns of a LEFT JOIN: null when nothing matched. */
type Nullable<T> = { [K in keyof T]: T[K] | null };

/** hot-reads-sql.ts findClient: the client, its application and owner, and one row per live secret. */
export type RawClientRow = Pick<Row<"clients">, "id" | "kind" | "app_id" | "disabled_at"> & { kind: "app" | "gateway" } & Nullable<
    Pick<
      Row<"apps">,
      "owner_id" | "access_token_ttl" | "refresh_token_ttl" | "public_client" | "grant_types" | "allowed_scopes" | "token_format"
    > &
      As<"apps", "deleted_at", "app_deleted_at"> &
      As<"users", "suspended_at", "owner_suspended_at"> &
      Pick<Row<"client_secrets">, "secret_hash"> &
      As<"client_secrets", "expires_at", "secret_expires_at">
  >;

/** hot-reads-sql.ts findTokenByHash; `usable` is computed (1 or 0). */
export type RawToken = Pick<
  Row<"tokens">,
  | "id"
  | "hash"
  | "type"
  | "client_id"
  | "subscriber"
  | "grant_id"
  | "scope"
  | "created_at"
  | "expires_at"
  | "revoked_at"
  | "revoked_reason"
  | "user_id"
> & { type: TokenType; usable: number };

/** hot-reads-sql.ts findTokenForApi: the token with its application, the API, the subscription and its tier. */
export type RawTokenForApi = RawToken &
  Nullable<
    As<"apps", "id", "app_id"> &
      As<"apps", "name", "app_name"> &
      Pick<Row<"apps">, "owner_id"> &
      As<"apis", "name", "api_name"> &
      As<"apis", "status", "api_status"> &
      As<"subscriptions", "status", "subscription_status"> &
      As<"tiers", "name", "tier_name"> &
      Pick<Row<"tiers">, "requests_per_minute" | "daily_quota"> &
      Pick<Row<"apis">, "backend_jwt">
  > & { api_status: ApiStatus | null; subscription_status: SubscriptionStatus | null };

/** What a token statement's RETURNING gives (token-change-sql.ts CHANGED). */
export type RawChanged = Pick<Row<"tokens">, "id" | "hash" | "type" | "client_id" | "expires_at"> & { type: TokenType };

export type RawCode = Pick<
  Row<"authorization_codes">,
  "hash" | "client_id" | "user_id" | "redirect_uri" | "code_challenge" | "scope" | "grant_id" | "expires_at" | "used_at"
> & { user_suspended: number }; // computed (1 or 0)

export type RawScopeName = Pick<Row<"scopes">, "name">;
/** hot-reads-sql.ts listScopesFor: a catalog scope, and the application it was granted to (null: not granted). */
export type RawCatalogScope = Pick<Row<"scopes">, "name" | "privileged"> & Nullable<As<"app_scopes", "app_id", "granted_to">>;
export type RawSetting = Pick<Row<"settings">, "key" | "value">;

/** outbox-sql.ts DELIVERY_COLUMNS: a claimed delivery (so leased), its event and its gateway. */
export type RawDelivery = Pick<Row<"deliveries">, "event_sequence" | "gateway_id" | "attempts"> & {
  lease_until: NonNullable<Row<"deliveries">["lease_until"]>;
} & As<"revocation_events", "id", "event_id"> &
  Pick<Row<"revocation_events">, "type" | "tokens" | "client_id" | "api_context" | "api_version" | "created_at"> & {
    type: NoticeType;
  } & Pick<Row<"gateways">, "revoke_url" | "signing_secret" | "previous_signing_secret" | "previous_secret_expires_at">;

export type RawDeliveryKey = Pick<Row<"deliveries">, "event_sequence" | "gateway_id">;
export type RawEventSequence = Pick<Row<"deliveries">, "event_sequence">;
export type RawSequence = Pick<Row<"revocation_events">, "sequence">;
/** outbox-sql.ts liveTokensUntil: MAX(expires_at), null when the client has no live token. */
export type RawLiveUntil = Nullable<As<"tokens", "expires_at", "until">>;

/** lookups-sql.ts tokenTarget: the token and its client's application. */
export type RawTokenTarget = Pick<Row<"tokens">, "id" | "grant_id" | "client_id" | "type"> & { type: TokenType } & Pick<
    Row<"clients">,
    "app_id"
  >;

/** lookups-sql.ts app: the application and its client. */
export type RawApp = Pick<Row<"apps">, "id" | "name" | "owner_id" | "deleted_at"> & As<"clients", "id", "client_id">;

export type RawUser = Pick<Row<"users">, "id" | "email" | "role" | "suspended_at">;

/** A COUNT(*): a number on SQLite, a bigint's text on PostgreSQL. */
export type RawCount = { n: number | string };

export type RawApi = Pick<Row<"apis">, "id" | "name" | "context" | "version" | "approval_required" | "backend_jwt"> & {
  status: ApiStatus;
};

/** lookups-sql.ts subscription: one row per tier its API offers (tier columns null when it offers none). */
export type RawSubscription = Pick<Row<"subscriptions">, "id" | "tier_id" | "requested_tier_id"> & {
  status: SubscriptionStatus;
} & As<"apps", "id", "app_id"> &
  As<"apps", "name", "app_name"> &
  Pick<Row<"apps">, "owner_id"> &
  As<"apps", "deleted_at", "app_deleted_at"> &
  As<"clients", "id", "client_id"> &
  As<"apis", "id", "api_id"> &
  As<"apis", "name", "api_name"> &
  Pick<Row<"apis">, "context" | "version" | "approval_required"> & { api_status: ApiStatus } & Nullable<
    As<"tiers", "id", "offered_tier_id"> & As<"tiers", "name", "offered_tier_name">
  >;

/** lookups-sql.ts activeSubscriptions: the subscriber's client and the API's reference. */
export type RawActiveSubscription = As<"clients", "id", "client_id"> & Pick<Row<"apis">, "context" | "version">;

export type RawGatewayName = Pick<Row<"gateways">, "id" | "name">;
