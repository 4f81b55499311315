/**
 * The machine a benchmark ran on, as the report states it: cores, CPU, memory, Node, SQLite and PostgreSQL.
 */
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, totalmem } from "node:os";
import Database from "better-sqlite3";
import { pgServerVersion } from "./pg-admin.js";

export interface MachineInfo {
  date: string;
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  sqlite: string;
  postgres: string;
  loadAverage: number[];
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    return m?.[1]?.trim() ?? "unknown";
  } catch {
    return "unknown";
  }
}

function sqliteVersion(): string {
  const db = new Database(":memory:");
  try {
    return (db.prepare("select sqlite_version() as v").get() as { v: string }).v;
  } finally {
    db.close();
  }
}

export async function machineInfo(pgUrl: string | null): Promise<MachineInfo> {
  let postgres = "not used";
  if (pgUrl !== null) {
    try {
      postgres = await pgServerVersion(pgUrl);
    } catch (e) {
      postgres = `unreachable (${(e as Error).message})`;
    }
  }
  return {
    date: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
    cores: availableParallelism(),
    cpu: cpuModel(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite: sqliteVersion(),
    postgres,
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
