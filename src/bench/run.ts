/**
 * `npm run bench`: the policy benchmark and its part with note variants (minutes), the sittings benchmark (minutes), the HTTP load test (about a minute), then the scale benchmark
 * (hours in full), one at a time.
 * Each finished benchmark (and each finished scale case) updates its section of BENCHMARKS.md at once; the
 * markdown is also printed on stdout at the end. Progress goes to stderr.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseBenchOptions, redactArg, type BenchOptions } from "./bench-options.js";
import { updateBenchmarksFile, type SectionName } from "./benchmarks-file.js";
import { machineInfo, type MachineInfo } from "./machine-info.js";
import { isLoadResult, runLoad, type LoadRun } from "./load.js";
import { renderLoad } from "./load-markdown.js";
import { renderMachine, renderPolicy, renderScale } from "./markdown.js";
import { pgServerVersion } from "./pg-admin.js";
import { runPolicy, type PolicyRun } from "./policy.js";
import { runPolicyVariants, type PolicyVariantsRun } from "./policy-variants.js";
import { renderPolicyVariants } from "./policy-variants-markdown.js";
import { runSittings, type SittingsRun } from "./sittings.js";
import { renderSittings } from "./sittings-markdown.js";
import { isResult, runScale, type ScaleRun } from "./scale.js";
import { runWorkers } from "./workers.js";
import { runChaosBench, type ChaosRun } from "./chaos-bench.js";
import { renderChaos } from "./chaos-markdown.js";
import { renderWorkers } from "./workers-markdown.js";
import type { WorkersRun } from "./workers-types.js";
import type { ScaleResult } from "./scale-types.js";

interface RawResults {
  machine: MachineInfo;
  command: string;
  policy?: PolicyRun;
  /** The policy benchmark's second part (note variants). */
  policyVariants?: PolicyVariantsRun;
  sittings?: SittingsRun;
  scale?: ScaleRun;
  load?: LoadRun;
  workers?: WorkersRun;
  chaos?: ChaosRun;
}

const DEFAULT_OUT = fileURLToPath(new URL("../../BENCHMARKS.md", import.meta.url));

async function checkPostgres(opts: BenchOptions): Promise<void> {
  try {
    await pgServerVersion(opts.pg);
  } catch (e) {
    process.stderr.write(
      `bench: cannot reach PostgreSQL at ${redactArg(opts.pg)}: ${(e as Error).message}\n  start it, name another server with --pg URL (or LINKPACE_TEST_PG), or run with --skip-pg\n`,
    );
    process.exit(2);
  }
}

/** The earlier run of --resume: its successful scale cases (dated) and its policy results. */
function readResume(path: string | null): { scale: ScaleResult[]; policy?: PolicyRun; policyVariants?: PolicyVariantsRun } {
  if (path === null) return { scale: [] };
  let raw: RawResults;
  try {
    raw = JSON.parse(readFileSync(path, "utf8")) as RawResults;
  } catch (e) {
    process.stderr.write(`bench: --resume ${path}: cannot read it as a --results file: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const scale = (raw.scale?.outcomes ?? []).filter(isResult).map((r) => ({ ...r, measuredAt: r.measuredAt ?? raw.machine.date }));
  return {
    scale,
    ...(raw.policy ? { policy: raw.policy } : {}),
    ...(raw.policyVariants ? { policyVariants: raw.policyVariants } : {}),
  };
}

function publish(opts: BenchOptions, sections: Partial<Record<SectionName, string>>): void {
  if (opts.out !== null) updateBenchmarksFile(opts.out, sections);
}

async function main(): Promise<void> {
  const opts = parseBenchOptions(process.argv.slice(2), DEFAULT_OUT);
  const wantScale = opts.only === null || opts.only === "scale";
  const wantPolicy = opts.only === null || opts.only === "policy";
  const wantLoad = opts.only === null || opts.only === "load";
  const wantSittings = opts.only === null || opts.only === "sittings";
  const wantWorkers = (opts.only === null || opts.only === "workers") && !opts.skipPg;
  const wantChaos = (opts.only === null || opts.only === "chaos") && !opts.skipPg;
  const usesPg = (wantScale || wantLoad || wantWorkers || wantChaos) && !opts.skipPg;
  if (usesPg) await checkPostgres(opts);
  const machine: MachineInfo = await machineInfo(usesPg ? opts.pg : null);
  const machineText = renderMachine(machine, opts.command);
  process.stderr.write(`bench: ${machineText.replace(/\n/g, "\n       ")}\n`);
  const resumed = readResume(opts.resume);
  const raw: RawResults = {
    machine,
    command: opts.command,
    ...(resumed.policy && !wantPolicy ? { policy: resumed.policy } : {}),
    ...(resumed.policyVariants && !wantPolicy ? { policyVariants: resumed.policyVariants } : {}),
  };
  const printed: string[] = [`## Machine\n\n${machineText}`];
  const saveRaw = (): void => {
    if (opts.results !== null) writeFileSync(opts.results, `${JSON.stringify(raw, null, 2)}\n`);
  };

  if (wantPolicy) {
    raw.policy = await runPolicy(opts);
    const text = renderPolicy(raw.policy, machine, opts.command);
    printed.push(`## Policy\n\n${text}`);
    publish(opts, { machine: machineText, policy: text });
    saveRaw();
    // The second part (note variants) states its own date and load: it starts when the first part ends.
    raw.policyVariants = await runPolicyVariants(opts);
    const variantsText = renderPolicyVariants(raw.policyVariants, machine, opts.command);
    printed.push(`## Policy with variants\n\n${variantsText}`);
    publish(opts, { "policy-variants": variantsText });
    saveRaw();
  }
  if (wantSittings) {
    raw.sittings = await runSittings(opts);
    const text = renderSittings(raw.sittings, machine, opts.command);
    printed.push(`## Sittings\n\n${text}`);
    // Its section states its own date and load: the Machine section stays that of the long runs.
    publish(opts, { sittings: text });
    saveRaw();
  }
  if (wantLoad) {
    raw.load = await runLoad(opts, (soFar) => {
      raw.load = soFar;
      // The load section states its own machine and date: the Machine section stays that of the long runs.
      publish(opts, { load: renderLoad(soFar, machine, opts.command) });
      saveRaw();
    });
    printed.push(`## Load test (HTTP API)\n\n${renderLoad(raw.load, machine, opts.command)}`);
    const failed = raw.load.outcomes.some((o) => !isLoadResult(o) || o.checks.some((c) => !c.ok));
    if (failed) {
      process.stderr.write("bench: the load test failed or one of its checks did not pass (see its section)\n");
      process.exitCode = 1;
    }
  }
  if (wantWorkers) {
    raw.workers = await runWorkers(opts);
    const text = renderWorkers(raw.workers, machine, opts.command);
    printed.push(`## Workers on PostgreSQL\n\n${text}`);
    // Its section states its own date and load: the Machine section stays that of the long runs.
    publish(opts, { workers: text });
    saveRaw();
  }
  if (wantChaos) {
    raw.chaos = await runChaosBench(opts);
    const text = renderChaos(raw.chaos, machine, opts.command);
    printed.push(`## Chaos\n\n${text}`);
    // Its section states its own date and load: the Machine section stays that of the long runs.
    publish(opts, { chaos: text });
    saveRaw();
    if (!raw.chaos.result.passed) {
      process.stderr.write("bench: the chaos run failed one of its checks (see its section)\n");
      process.exitCode = 1;
    }
  }
  if (wantScale) {
    const scale = await runScale(
      opts,
      (soFar) => {
        raw.scale = soFar;
        publish(opts, { machine: machineText, scale: renderScale(soFar, machine, opts.command) });
        saveRaw();
      },
      resumed.scale,
    );
    raw.scale = scale;
    printed.push(`## Scale\n\n${renderScale(scale, machine, opts.command)}`);
  }
  process.stdout.write(`${printed.join("\n\n")}\n`);
  if (opts.out !== null) process.stderr.write(`bench: updated ${opts.out}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: internal failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(3);
});
