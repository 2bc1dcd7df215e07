// The command-line interface, built with commander: `run`, `devices`, --help everywhere, --version.
// Built fresh for each invocation around a CliIo, so the whole CLI can run inside tests.
import { relative, isAbsolute } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { DEVICE_KINDS } from "../devices/index.ts";
import { packagePath } from "../lib/package-root.ts";
import { CRASH_SUPPORT, INJECTIONS, INJECTION_HELP, type Injection } from "../crash/index.ts";
import { DEFAULT_FS, FILESYSTEMS, FS_KINDS, defaultWorkers } from "../run/index.ts";
import { CRASH_FORMATS, crashCheckCommand } from "./commands/crash-check.ts";
import { devicesCommand } from "./commands/devices.ts";
import { chartCommand } from "./commands/chart.ts";
import { reportCommand } from "./commands/report.ts";
import { reproduceCommand } from "./commands/reproduce.ts";
import { RUN_FORMATS, runCommand } from "./commands/run.ts";
import { DEFAULT_BAND_SAMPLES, VALIDATE_FORMATS, validateCommand } from "./commands/validate.ts";
import { SWEEP_HELP, sweepCommand } from "./commands/sweep.ts";
import { mergeCommand } from "./commands/merge.ts";
import type { CliIo } from "./io.ts";

const FORMATS = ["table", "csv", "json"] as const;

/** The loggers each filesystem offers, for --logger's help: "btrfs: a, b, c (default b)". */
function loggerHelp(): string {
  return FS_KINDS.flatMap((k) => {
    const spec = FILESYSTEMS[k];
    return spec.loggers.length === 0 ? [] : [`${k}: ${spec.loggers.map((l) => l.name).join(", ")} (default ${spec.defaultLogger ?? ""})`];
  }).join("; ");
}
const SEED_JOB = packagePath("workloads", "jobs", "seed.fio");

function parseSeed(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n > 0xffffffff) {
    throw new InvalidArgumentError("expected a whole number from 0 to 4294967295");
  }
  return n;
}

function parseWorkers(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > 256) throw new InvalidArgumentError("expected a whole number from 1 to 256");
  return n;
}

function parseCount(min: number, max: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    return n;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The bundled seed job, as a path relative to `cwd` when it lies below it. */
function seedJobPath(cwd: string): string {
  const rel = relative(cwd, SEED_JOB);
  return rel.startsWith("..") || isAbsolute(rel) ? SEED_JOB : rel;
}

/** Where a command leaves a non-zero exit status that is not an error (crash-check's violations). */
export interface CliStatus {
  exitCode: number;
}

export function buildProgram(io: CliIo, version: string, status: CliStatus = { exitCode: 0 }): Command {
  const program = new Command("fsyncsim")
    .description(
      "Simulate what an fsync costs: fio-style jobs through a mechanistic model of the Linux storage " +
        'stack on 2012 devices, reproducing "Btrfs: turbo charge fsync" (Linux 3.7).',
    )
    .version(version, "-V, --version", "print the version and exit")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`fsyncsim: ${s}`),
    })
    .showSuggestionAfterError(true)
    .addHelpText("after", "\nRun 'fsyncsim <command> --help' for a command's options.");

  const setHelp =
    "override a job option (e.g. size=4m) or a model parameter: device.X (e.g. device.rotationRpm=5400), btrfs.X, cpu.X; repeatable";

  program
    .command("run")
    .description("simulate a fio job file (all its jobs) or replay a fio iolog on one device, and print fio-style results")
    .option("--job <file>", "fio job file to run (default: the seed job; with --iolog: fio's defaults)")
    .option("--iolog <file>", "replay a fio iolog (version 2 or 3, as fio --write_iolog records it) instead of generating the I/O")
    .addOption(new Option("--device <name>", `device model: ${DEVICE_KINDS.join(", ")}`).default("sata-hdd"))
    .addOption(
      new Option("--fs <kind>", "filesystem: btrfs = the 2012 btrfs model; raw = straight to the device (fsync = cache flush)")
        .choices(FS_KINDS)
        .default(DEFAULT_FS),
    )
    .option("--logger <name>", `the filesystem's fsync logger: ${loggerHelp()}`)
    .option("--seed <n>", "seed of the run (random offsets when the job sets no randseed)", parseSeed, 1)
    .option("--set <key=value>", setHelp, collect, [])
    .addOption(new Option("--format <format>", "output format: table (fio's summary), csv, json, fio-json (fio 3.x --output-format=json)").choices(RUN_FORMATS).default("table"))
    .option("--out <dir>", "also write <name>-<fs>-<logger>-<device>.csv, .json and .fio.json into this directory (atomically)")
    .option("--trace <file>", "write a CSV with one row per fsync: process, path, log items and blocks, device I/O, time by phase")
    .addHelpText(
      "after",
      "\nExamples:\n" +
        "  fsyncsim run --device fusion-iodrive --logger truncate-and-copy      # the seed job before the patch\n" +
        "  fsyncsim run --job workloads/jobs/db-wal.fio --format fio-json       # a scenario, as fio would report it\n" +
        "  fsyncsim run --iolog workloads/iologs/seed-fio-3.33.iolog            # replay what real fio recorded\n" +
        "  fsyncsim run --device sata-hdd --trace fsyncs.csv                    # one trace row per fsync\n" +
        "  fsyncsim run --fs raw --device sata-hdd                              # the device's ceiling for the job\n" +
        "  fsyncsim run --set size=4m --set numjobs=4 --set btrfs.nodesizeBytes=16384\n" +
        "Throughput is in KiB/s (1024 bytes), as fio's KB/s was. 'fsyncsim devices' lists device parameters.\n" +
        "Job files: the fio options fsyncsim simulates are listed in README.md; any other option is refused.",
    )
    .action((opts: { job?: string; iolog?: string; device: string; fs: string; logger?: string; seed: number; set: string[]; format: (typeof RUN_FORMATS)[number]; out?: string; trace?: string }) => {
      runCommand(io, { ...opts, job: opts.job, iolog: opts.iolog, logger: opts.logger, out: opts.out, trace: opts.trace }, version, seedJobPath(io.cwd));
    });

  program
    .command("reproduce")
    .description("run the seed job on sata-hdd and fusion-iodrive with both loggers, beside the patch's numbers")
    .option("--job <file>", "fio job file (the seed job unless you want a variant)", seedJobPath(io.cwd))
    .option("--seed <n>", "seed of the runs", parseSeed, 1)
    .option("--set <key=value>", `${setHelp}; device.X applies to the devices that have X`, collect, [])
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .option("--out <dir>", "also write reproduce.csv/.json/.txt, each cell's per-fsync trace, the charts and report.html into this directory")
    .option("--workers <n>", "cells run in parallel on this many worker threads (results do not depend on it)", parseWorkers, defaultWorkers())
    .addHelpText(
      "after",
      "\nThe seed (commit 5dc562c, Linux 3.7): SATA 82 -> 140 KiB/s, Fusion-io 431 -> 2532 KiB/s.\n" +
        "error = (simulated - seed) / seed. All four cells use one parameter set (fsyncsim devices; docs/calibration.md).",
    )
    .action(async (opts: { job: string; seed: number; set: string[]; format: (typeof FORMATS)[number]; out?: string; workers: number }) => {
      await reproduceCommand(io, { ...opts, out: opts.out }, version);
    });

  program
    .command("validate")
    .description("run every published measurement in validation/cases.ts and print it beside the model's figure, fitted or predicted")
    .option("--case <id>", "run only this case (repeatable)", collect, [])
    .option("--seed <n>", "seed of the runs", parseSeed, 1)
    .addOption(new Option("--format <format>", "output format").choices(VALIDATE_FORMATS).default("table"))
    .option("--samples <n>", "uncertainty samples per case over the unconfirmed parameters' ranges (0: no bands)", parseCount(0, 10_000), DEFAULT_BAND_SAMPLES)
    .option("--workers <n>", "cases run in parallel on this many worker threads (results do not depend on it)", parseWorkers, defaultWorkers())
    .addHelpText(
      "after",
      "\nEach case: a figure as published (the seed's table; Liu Bo's dd table in commit 4e2f84e), its job file, the device\n" +
        "model and the logger standing for the measured kernel. status: fitted = a calibration used the case (its error is\n" +
        "true by construction); predicted = no fit used it: only these say how good the model is.\n" +
        "Exit status: 0, or 1 if a case could not be run (its error is printed).",
    )
    .action(async (opts: { case: string[]; seed: number; format: (typeof VALIDATE_FORMATS)[number]; workers: number; samples: number }) => {
      status.exitCode = await validateCommand(io, { seed: opts.seed, cases: opts.case, format: opts.format, workers: opts.workers, samples: opts.samples }, version);
    });

  program
    .command("report")
    .description("write the HTML report of a reproduction (with its charts) into a directory: run it, or redraw one with --from")
    .requiredOption("--out <dir>", "directory for report.html, the charts (.vl.json, .svg, .png) and the page's scripts")
    .option("--from <dir>", "redraw from a reproduction's files (reproduce --out DIR) instead of running it")
    .option("--job <file>", "fio job file (the seed job unless you want a variant)", seedJobPath(io.cwd))
    .option("--seed <n>", "seed of the runs", parseSeed, 1)
    .option("--set <key=value>", `${setHelp}; device.X applies to the devices that have X`, collect, [])
    .option("--workers <n>", "cells run in parallel on this many worker threads", parseWorkers, defaultWorkers())
    .addHelpText("after", "\nThe page works offline: open report.html in a browser. Without --from it is what reproduce --out writes.")
    .action(async (opts: { out: string; from?: string; job: string; seed: number; set: string[]; workers: number }) => {
      await reportCommand(io, { ...opts, from: opts.from }, version);
    });

  program
    .command("sweep")
    .description("run a grid of points (devices x loggers x swept --set values) in parallel, one CSV row per point")
    .option("--job <file>", "fio job file", seedJobPath(io.cwd))
    .option("--device <names>", `device models, comma-separated: ${DEVICE_KINDS.join(", ")}`, "sata-hdd")
    .option("--logger <names>", `fsync loggers of the filesystem, comma-separated: ${loggerHelp()}`)
    .addOption(new Option("--fs <kind>", "filesystem").choices(FS_KINDS).default(DEFAULT_FS))
    .option("--seed <n>", "seed of every run", parseSeed, 1)
    .option("--set <key=values>", `as for run, with comma-separated values to sweep (\\, is a literal comma); repeatable`, collect, [])
    .requiredOption("--out <file>", "the CSV to write (an existing one only with --resume)")
    .option("--resume", "continue --out: keep its rows, run only the missing points (its header must match)", false)
    .option("--shard <k/n>", "run only the points whose index % n == k - 1 (1 <= k <= n); join shards with fsyncsim merge")
    .option("--workers <n>", "points run in parallel on this many worker threads (the file does not depend on it)", parseWorkers, defaultWorkers())
    .addHelpText("after", SWEEP_HELP)
    .action(async (opts: { job: string; device: string; logger?: string; fs: string; seed: number; set: string[]; out: string; resume: boolean; shard?: string; workers: number }) => {
      await sweepCommand(io, { ...opts, logger: opts.logger, shard: opts.shard });
    });

  program
    .command("merge")
    .description("join the CSV files of a sharded sweep into one, in point order (written atomically)")
    .argument("<out>", "the merged CSV to write")
    .argument("<inputs...>", "the shards' CSV files (same header, no point twice)")
    .option("--expect <n>", "fail unless exactly the points 0 to n-1 are present")
    .action((out: string, inputs: string[], opts: { expect?: string }) => {
      mergeCommand(io, out, inputs, { expect: opts.expect });
    });

  program
    .command("chart")
    .description("draw a sweep's CSV: throughput against a swept parameter per device and logger, and the patch's speedup")
    .argument("<file>", "a CSV written by fsyncsim sweep (or merge)")
    .option("--x <column>", "the swept column on the x axis (default: the first swept --set column)")
    .option("--out <dir>", "directory for <name>-throughput and <name>-speedup .vl.json/.svg/.png (default: beside the CSV)")
    .action(async (file: string, opts: { x?: string; out?: string }) => {
      await chartCommand(io, file, { x: opts.x, out: opts.out });
    });

  program
    .command("crash-check")
    .description("cut the power at many instants of a run, recover each device state as btrfs would, and check that every returned fsync is durable")
    .option("--job <file>", "fio job file to run (default: the seed job; with --iolog: fio's defaults)")
    .option("--iolog <file>", "replay a fio iolog instead of generating the I/O")
    .addOption(new Option("--device <name>", `device model: ${DEVICE_KINDS.join(", ")}`).default("sata-hdd"))
    .addOption(new Option("--fs <kind>", "filesystem (one crash-check can recover)").choices(Object.keys(CRASH_SUPPORT)).default(DEFAULT_FS))
    .option("--logger <name>", `the filesystem's fsync logger: ${loggerHelp()}`)
    .option("--seed <n>", "seed of the run, of the sampled cuts and of the explored states", parseSeed, 1)
    .option("--points <n>", "power cuts: every request issue and completion if there are no more, else a sample of this many", parseCount(1, 1_000_000), 2000)
    .option("--states <n>", "device states per cut besides 'all unstable writes lost' and 'all kept': random subsets, some torn", parseCount(0, 64), 2)
    .addOption(new Option("--inject <fault>", "break the fsync path on purpose (repeatable): " + INJECTIONS.join(", ")).choices(INJECTIONS).argParser((v: string, prev: Injection[] | undefined) => {
      if (!(INJECTIONS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${INJECTIONS.join(", ")}`);
      return [...(prev ?? []), v as Injection];
    }))
    .option("--set <key=value>", setHelp, collect, [])
    .addOption(new Option("--format <format>", "output format").choices(CRASH_FORMATS).default("table"))
    .addHelpText(
      "after",
      "\nEach cut keeps what had reached stable media (completed writes on a device without a volatile cache; with one,\n" +
        "FUA writes and writes a completed flush covered) and explores the writes in flight or in the cache: all lost, all\n" +
        "kept, and --states random subsets, multi-block writes possibly torn. Each state is mounted (superblock, root tree,\n" +
        "fs and csum trees, log replay) and checked: every fsync that returned before the cut keeps its data and size, and\n" +
        "every data block a file points at matches its checksum.\n\nFaults:\n" +
        INJECTIONS.map((f) => `  ${f.padEnd(17)} ${INJECTION_HELP[f]}`).join("\n") +
        "\n\nExit status: 0 no violation, 1 violations found, 2 bad input.\n" +
        "Example: fsyncsim crash-check --device sata-hdd --logger truncate-and-copy --set size=8m --inject skip-flush",
    )
    .action((opts: { job?: string; iolog?: string; device: string; fs: string; logger?: string; seed: number; points: number; states: number; inject?: Injection[]; set: string[]; format: (typeof CRASH_FORMATS)[number] }) => {
      status.exitCode = crashCheckCommand(io, { ...opts, job: opts.job, iolog: opts.iolog, logger: opts.logger, inject: opts.inject ?? [] }, seedJobPath(io.cwd));
    });

  program
    .command("devices")
    .description("list the device models with their parameters, units, defaults, bounds and sources")
    .argument("[name]", "show only this device model")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
    .action((name: string | undefined, opts: { format: (typeof FORMATS)[number] }) => {
      devicesCommand(io, name, opts);
    });

  return program;
}
