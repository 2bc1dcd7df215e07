// Fits the CPU model's two calibrated parameters to the seed table, as docs/calibration.md
// describes: costScaleRatio and fsyncFixedUs are chosen so that the two Fusion-io cells, where
// host CPU decides the result, match 431 and 2532 KiB/s. The SATA cells are not fitted: they are
// the model's predictions. Prints each iteration and the final table; changes nothing.
// Usage: npm run calibrate
import { CPU_PARAMS } from "../../btrfs/index.ts";
import { SEED_TABLE, runJob, throughputKiBps } from "../../run/index.ts";
import { paramDefaults, type ParamOverride } from "../../lib/index.ts";
import { readJobFile } from "../../workloads/index.ts";

const job = readJobFile("workloads/jobs/seed.fio").jobs[0];
if (job === undefined) throw new Error("no seed job");
const seedJob = job;

type Point = { scale: number; fixedUs: number };

function overrides(p: Point): ParamOverride[] {
  return [
    { name: "costScaleRatio", value: String(p.scale), where: "calibrate" },
    { name: "fsyncFixedUs", value: String(p.fixedUs), where: "calibrate" },
  ];
}

/** Time per write + fsync, ms, of one cell. */
function opMs(device: "sata-hdd" | "fusion-iodrive", logger: "truncate-and-copy" | "modified-extents", p: Point): number {
  const r = runJob({ jobs: [seedJob], device, fs: "btrfs", logger, seed: 1, fsOverrides: { cpu: overrides(p) } });
  return 4 / throughputKiBps(r) * 1e3;
}

const target = {
  patched: (4 / SEED_TABLE["fusion-iodrive"]["modified-extents"]) * 1e3,
  original: (4 / SEED_TABLE["fusion-iodrive"]["truncate-and-copy"]) * 1e3,
};
const residual = (p: Point): [number, number] => [
  opMs("fusion-iodrive", "modified-extents", p) - target.patched,
  opMs("fusion-iodrive", "truncate-and-copy", p) - target.original,
];

const defaults = paramDefaults(CPU_PARAMS);
let p: Point = { scale: defaults.costScaleRatio, fixedUs: defaults.fsyncFixedUs };
for (let iter = 0; iter < 8; iter++) {
  const r = residual(p);
  process.stdout.write(`iteration ${iter}: scale ${p.scale.toFixed(4)}, fixed ${p.fixedUs.toFixed(1)} µs -> residual ${r[0].toFixed(4)} ms (patched), ${r[1].toFixed(4)} ms (original)\n`);
  if (Math.abs(r[0]) < 0.0005 * target.patched && Math.abs(r[1]) < 0.0005 * target.original) break;
  const ds = p.scale * 0.05;
  const dF = 50;
  const rs = residual({ scale: p.scale + ds, fixedUs: p.fixedUs });
  const rf = residual({ scale: p.scale, fixedUs: p.fixedUs + dF });
  const J = [
    [(rs[0] - r[0]) / ds, (rf[0] - r[0]) / dF],
    [(rs[1] - r[1]) / ds, (rf[1] - r[1]) / dF],
  ] as const;
  const det = J[0][0] * J[1][1] - J[0][1] * J[1][0];
  const stepS = (r[0] * J[1][1] - r[1] * J[0][1]) / det;
  const stepF = (J[0][0] * r[1] - J[1][0] * r[0]) / det;
  p = { scale: Math.max(0.01, p.scale - stepS), fixedUs: Math.max(0, p.fixedUs - stepF) };
}

const rounded: Point = { scale: Number(p.scale.toFixed(4)), fixedUs: Number(p.fixedUs.toFixed(1)) };
process.stdout.write(`\nfitted: costScaleRatio = ${rounded.scale}, fsyncFixedUs = ${rounded.fixedUs}\n\n`);
for (const device of ["sata-hdd", "fusion-iodrive"] as const) {
  for (const logger of ["truncate-and-copy", "modified-extents"] as const) {
    const kib = 4 / (opMs(device, logger, rounded) / 1e3);
    const seed = SEED_TABLE[device][logger];
    process.stdout.write(`${device.padEnd(16)}${logger.padEnd(20)}${kib.toFixed(1).padStart(10)} KiB/s  seed ${seed}  error ${(((kib - seed) / seed) * 100).toFixed(1)} %\n`);
  }
}
