import { HOT_READS, type HotReads, toCatalogScope, toClientAuth, toCode, toToken, toTokenForApi } from "@/lib/data/store/hot-reads-sql";
import type { RawCatalogScope, RawClientRow, RawCode, RawScopeName, RawSetting, RawToken, RawTokenForApi } from "@/lib/data/store/rows";
import type { PostgresConnection } from "./connection";

export function postgresHotReads({ pool, query }: PostgresConnection): HotReads {
  return {
    async findClient(clientId) {
      return toClientAuth((await query<RawClientRow>(pool, "find_client", HOT_READS.findClient, [clientId])).rows);
    },
    async findTokenByHash(hash) {
      const row = (await query<RawToken>(pool, "find_token", HOT_READS.findTokenByHash, [hash])).rows[0];

      return row ? toToken(row) : null;
    },
    async findTokenForApi(hash, api) {
      const row = (await query<RawTokenForApi>(pool, "find_token_for_api", HOT_READS.findTokenForApi, [api.context, api.version, hash]))
        .rows[0];

      return row ? toTokenForApi(row) : null;
    },
    async findCode(hash) {
      const row = (await query<RawCode>(pool, "find_code", HOT_READS.findCode, [hash])).rows[0];

      return row ? toCode(row) : null;
    },
    async listScopeNames() {
      return (await query<RawScopeName>(pool, "list_scope_names", HOT_READS.listScopeNames, [])).rows.map((r) => r.name);
    },
    async listScopesFor(appId) {
      return (await query<RawCatalogScope>(pool, "list_scopes_for", HOT_READS.listScopesFor, [appId])).rows.map(toCatalogScope);
    },
    async getSettings() {
      const { rows } = await query<RawSetting>(pool, "get_settings", HOT_READS.getSettings, []);

      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
  };
}
