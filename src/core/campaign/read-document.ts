/**
 * Reads a document's text (YAML or JSON) into a plain value. Syntax errors are issues located at
 * `file:line:column`. Files named `*.json` are read with JSON.parse (strict JSON: no trailing commas); any
 * other file with the YAML parser, which also reads JSON and rejects duplicate keys.
 */
import { parseDocument } from "yaml";
import type { ErrorIssue } from "../errors.js";

export type ReadResult = { ok: true; value: unknown } | { ok: false; issues: ErrorIssue[] };

export function readDocument(text: string, fileName: string): ReadResult {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const read = /\.json$/i.test(fileName) ? readJson(source, fileName) : readYaml(source, fileName);
  if (!read.ok) return read;
  if (read.value === null || read.value === undefined) {
    return { ok: false, issues: [{ where: fileName, message: "the file is empty" }] };
  }
  return read;
}

function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, col: offset - before.lastIndexOf("\n") };
}

function readJson(text: string, fileName: string): ReadResult {
  if (text.trim() === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const position = /at position (\d+)/.exec(message);
    const clean = message.replace(/\s*in JSON at position \d+.*$/, "");
    if (!position) return { ok: false, issues: [{ where: fileName, message: `invalid JSON: ${clean}` }] };
    const { line, col } = lineAndColumn(text, Number(position[1]));
    return { ok: false, issues: [{ where: `${fileName}:${line}:${col}`, message: `invalid JSON: ${clean}` }] };
  }
}

function readYaml(text: string, fileName: string): ReadResult {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => {
      const pos = error.linePos?.[0];
      const message = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
      return { where: pos ? `${fileName}:${pos.line}:${pos.col}` : fileName, message: `invalid YAML: ${message}` };
    });
    return { ok: false, issues };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (e) {
    return { ok: false, issues: [{ where: fileName, message: `invalid YAML: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}
