import { HOT_READS, type HotReads, toCatalogScope, toClientAuth, toCode, toToken, toTokenForApi } from "@/lib/data/store/hot-reads-sql";
import type { RawCatalogScope, RawClientRow, RawCode, RawScopeName, RawSetting, RawToken, RawTokenForApi } from "@/lib/data/store/rows";
import type { SqliteConnection } from "./connection";

export function sqliteHotReads({ stmt }: SqliteConnection): HotReads {
  return {
    async findClient(clientId) {
      return toClientAuth(stmt(HOT_READS.findClient).all(clientId) as RawClientRow[]);
    },
    async findTokenByHash(hash) {
      const row = stmt(HOT_READS.findTokenByHash).get(hash) as RawToken | undefined;

      return row ? toToken(row) : null;
    },
    async findTokenForApi(hash, api) {
      const row = stmt(HOT_READS.findTokenForApi).get(api.context, api.version, hash) as RawTokenForApi | undefined;

      return row ? toTokenForApi(row) : null;
    },
    async findCode(hash) {
      const row = stmt(HOT_READS.findCode).get(hash) as RawCode | undefined;

      return row ? toCode(row) : null;
    },
    async listScopeNames() {
      return (stmt(HOT_READS.listScopeNames).all() as RawScopeName[]).map((r) => r.name);
    },
    async listScopesFor(appId) {
      return (stmt(HOT_READS.listScopesFor).all(appId) as RawCatalogScope[]).map(toCatalogScope);
    },
    async getSettings() {
      const rows = stmt(HOT_READS.getSettings).all() as RawSetting[];

      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
  };
}
