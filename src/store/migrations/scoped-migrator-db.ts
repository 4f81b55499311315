/**
 * The database as Kysely's Migrator sees it, with its introspection limited to one PostgreSQL schema. The
 * Migrator asks whether its schema and its two bookkeeping tables exist by listing every schema and every
 * table of the whole database (with functions such as has_schema_privilege and pg_get_serial_sequence on each);
 * a schema that another process drops meanwhile then fails our migration with "schema … does not exist" (seen
 * with test processes, each in a schema of its own, opening and dropping theirs at once). Asking about our own
 * schema only answers the same question without reading anyone else's.
 */
import { sql, type DatabaseIntrospector, type Kysely, type SchemaMetadata, type TableMetadata } from "kysely";

export function scopedToSchema(db: Kysely<unknown>, schema: string): Kysely<unknown> {
  const introspection: DatabaseIntrospector = {
    async getSchemas(): Promise<SchemaMetadata[]> {
      const r = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return r.rows.map((row) => ({ name: row.name }));
    },
    async getTables(): Promise<TableMetadata[]> {
      const r = await sql<{ name: string }>`select c.relname as name from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v')`.execute(db);
      return r.rows.map((row) => ({ name: row.name, schema, isView: false, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  // Every other member is the database's own, called on it (Kysely keeps its state in private fields).
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "introspection") return introspection;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
