// Published measurements the model is checked against, each kept exactly as published (value and
// unit) with its source, the workload as a job file, the device model standing for the machine and
// the logger standing for the kernel that was measured; and which of them a calibration used. The
// seed's four cells and Liu Bo's dd table (commit 4e2f84e). docs/sources.md §B0 has the sources.

/** A rate's unit as the source printed it, and how many bytes it means. */
export const UNITS = {
  /** fio's KB/s in 2012: 1024 bytes (kb_base=1024), docs/sources.md §B5.2. */
  "KiB/s (fio KB/s)": 1024,
  /** dd's kB/s: 1000 bytes (dd reports SI rates). */
  "kB/s (dd)": 1000,
  /** dd's MB/s: 10^6 bytes. */
  "MB/s (dd)": 1e6,
} as const;
export type RateUnit = keyof typeof UNITS;

export interface ValidationCase {
  /** Stable name, used by the calibration's declaration and on the command line. */
  readonly id: string;
  /** Where the figure was published. */
  readonly source: string;
  /** The workload: a job file in this package. */
  readonly job: string;
  /** The device model standing for the measured machine's device. */
  readonly device: string;
  /** The logger standing for the measured kernel's fsync. */
  readonly logger: string;
  /** The kernel as the source describes it. */
  readonly kernel: string;
  readonly unit: RateUnit;
  /** The figure as published, in `unit`. */
  readonly measured: number;
  /** What the source leaves open, and how the case reads it. */
  readonly note: string;
}

const SEED = "5dc562c \"Btrfs: turbo charge fsync\" (Josef Bacik, 2012), commit message";
const LIU = "4e2f84e \"Btrfs: improve fsync by filtering extents that we want\" (Liu Bo, 2012), commit message";
const SEED_JOB = "workloads/jobs/seed.fio";
const DD_JOB = "validation/jobs/dd-oflag-sync-4e2f84e.fio";
const SEED_NOTE = "the job file, fio version, mkfs and mount options and drive models were not published (docs/sources.md §B0, §B5.1)";
const LIU_NOTE = "the machine, its drive and the dd build were not published; dd prints SI rates (kB/s = 1000 B)";

export const VALIDATION_CASES: readonly ValidationCase[] = [
  { id: "seed-sata-before", source: SEED, job: SEED_JOB, device: "sata-hdd", logger: "truncate-and-copy", kernel: "3.6, before 5dc562c", unit: "KiB/s (fio KB/s)", measured: 82, note: SEED_NOTE },
  { id: "seed-sata-patched", source: SEED, job: SEED_JOB, device: "sata-hdd", logger: "modified-extents", kernel: "with 5dc562c", unit: "KiB/s (fio KB/s)", measured: 140, note: SEED_NOTE },
  { id: "seed-fusion-before", source: SEED, job: SEED_JOB, device: "fusion-iodrive", logger: "truncate-and-copy", kernel: "3.6, before 5dc562c", unit: "KiB/s (fio KB/s)", measured: 431, note: SEED_NOTE },
  { id: "seed-fusion-patched", source: SEED, job: SEED_JOB, device: "fusion-iodrive", logger: "modified-extents", kernel: "with 5dc562c", unit: "KiB/s (fio KB/s)", measured: 2532, note: SEED_NOTE },
  { id: "dd-ramdisk-before", source: LIU, job: DD_JOB, device: "ramdisk", logger: "truncate-and-copy", kernel: "before 5dc562c (\"w/o (orig)\")", unit: "MB/s (dd)", measured: 1.5, note: LIU_NOTE },
  { id: "dd-ramdisk-5dc562c", source: LIU, job: DD_JOB, device: "ramdisk", logger: "modified-extents", kernel: "with 5dc562c (\"w/ (josef's)\")", unit: "MB/s (dd)", measured: 1.5, note: LIU_NOTE },
  { id: "dd-ramdisk-4e2f84e", source: LIU, job: DD_JOB, device: "ramdisk", logger: "modified-range", kernel: "with 4e2f84e (\"w/ (this)\")", unit: "MB/s (dd)", measured: 10.7, note: LIU_NOTE },
  { id: "dd-sata-before", source: LIU, job: DD_JOB, device: "sata-hdd", logger: "truncate-and-copy", kernel: "before 5dc562c (\"w/o (orig)\")", unit: "kB/s (dd)", measured: 104, note: `${LIU_NOTE}; a SATA drive other than the seed's` },
  { id: "dd-sata-5dc562c", source: LIU, job: DD_JOB, device: "sata-hdd", logger: "modified-extents", kernel: "with 5dc562c (\"w/ (josef's)\")", unit: "kB/s (dd)", measured: 109, note: `${LIU_NOTE}; a SATA drive other than the seed's` },
  { id: "dd-sata-4e2f84e", source: LIU, job: DD_JOB, device: "sata-hdd", logger: "modified-range", kernel: "with 4e2f84e (\"w/ (this)\")", unit: "kB/s (dd)", measured: 121, note: `${LIU_NOTE}; a SATA drive other than the seed's` },
];

/** A parameter the calibration chose by comparing the model with some of the cases. */
export interface FittedParameter {
  /** As `--set` names it: cpu.X, device.X (of the case's device), btrfs.X. */
  readonly parameter: string;
  /** The cases it was chosen by: their status is "fitted". */
  readonly cases: readonly string[];
  readonly how: string;
}

/** What the calibration fitted, and to which cases (docs/calibration.md; npm run calibrate). */
export const FITTED: readonly FittedParameter[] = [
  { parameter: "cpu.costScaleRatio", cases: ["seed-fusion-before"], how: "Newton iteration with cpu.fsyncFixedUs on the two Fusion-io cells (npm run calibrate)" },
  { parameter: "cpu.fsyncFixedUs", cases: ["seed-fusion-patched"], how: "Newton iteration with cpu.costScaleRatio on the two Fusion-io cells (npm run calibrate)" },
  { parameter: "device.destageOrder", cases: ["seed-sata-before", "seed-sata-patched"], how: "C-LOOK chosen over SPTF by comparing both with the two SATA cells" },
];

/** "fitted" if a calibration used the case, else "predicted". */
export function caseStatus(id: string): "fitted" | "predicted" {
  return FITTED.some((f) => f.cases.includes(id)) ? "fitted" : "predicted";
}
