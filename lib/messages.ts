// Every message the simulator shows a user about bad input or a modelling caveat, in one place
// (style guide P12), so tests can compare against these functions rather than copied strings.

const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? "" : `; did you mean '${suggestion}'?`;

export const MSG = {
  // --- parameters (--set device.X=V) ---
  unknownParam: (qualified: string, suggestion: string | undefined, known: string) =>
    `unknown parameter '${qualified}'${suggestion === undefined ? ` (known: ${known})` : didYouMean(suggestion)}`,
  badNumber: (name: string, value: string) => `${name} must be a number, not '${value}'`,
  notInteger: (name: string, value: string) => `${name} must be a whole number, not '${value}'`,
  outOfRange: (name: string, value: string, min: number, max: number, unit: string) =>
    `${name} must be within [${min}, ${max}]${unit === "" ? "" : ` ${unit}`}, not ${value}`,
  badBoolean: (name: string, value: string) => `${name} must be true or false (or 1 or 0), not '${value}'`,
  badChoice: (name: string, value: string, choices: readonly string[]) =>
    `${name} must be one of ${choices.join(", ")}, not '${value}'`,
  badSetSyntax: (text: string) => `'${text}': expected key=value`,

  // --- registries ---
  unknownDevice: (name: string, suggestion: string | undefined, known: readonly string[]) =>
    `unknown device '${name}'${didYouMean(suggestion)} (devices: ${known.join(", ")})`,
  unknownLogger: (name: string, suggestion: string | undefined, known: readonly string[]) =>
    `unknown logger '${name}'${didYouMean(suggestion)} (loggers: ${known.join(", ")})`,
  unknownFs: (name: string, known: readonly string[]) => `unknown filesystem '${name}' (choices: ${known.join(", ")})`,
  fsIgnoresParams: (group: string, fs: string) => `${group}.* parameters have no effect with --fs ${fs}`,
  fsIgnoresLogger: (logger: string, fs: string) => `--logger ${logger} has no effect with --fs ${fs} (there is no log)`,

  // --- fio job files ---
  fioUnreadable: (reason: string) => `cannot read job file: ${reason}`,
  fioUnknownOption: (key: string, suggestion: string | undefined) =>
    `unknown or unsupported fio option '${key}'${didYouMean(suggestion)}`,
  fioMissingValue: (key: string) => `option '${key}' needs a value (${key}=...)`,
  fioBadInteger: (key: string, value: string) =>
    `option '${key}': '${value}' is not a whole number with an optional size suffix (k, m, g, t, p)`,
  fioBadSuffix: (key: string, value: string) =>
    `option '${key}': '${value}' has an unknown size suffix (use k, m, g, t, p, or kib, mib, ...)`,
  fioNegative: (key: string, value: string) => `option '${key}': '${value}' is negative`,
  fioTooLarge: (key: string, value: string) => `option '${key}': '${value}' is too large`,
  fioBadBool: (key: string, value: string) => `option '${key}': '${value}' is not a bool (use 1 or 0)`,
  fioBadChoice: (key: string, value: string, choices: readonly string[]) =>
    `option '${key}': '${value}' is not one of ${choices.join(", ")}`,
  fioNotSimulated: (key: string, value: string, why: string) => `option '${key}=${value}' is not simulated: ${why}`,
  fioOptionNotSimulated: (key: string, fioName: string) =>
    `fio option '${key}'${fioName === key ? "" : ` (${fioName})`} is not simulated by fsyncsim; remove it to run the job (fsyncsim options: README, "Job files")`,
  fioUnknownEngine: (engine: string, suggestion: string | undefined) => `unknown ioengine '${engine}'${didYouMean(suggestion)}`,
  fioExternalEngine: (engine: string) => `ioengine '${engine}' is an external engine; it is not simulated`,
  fioBadTime: (key: string, value: string) =>
    `option '${key}': '${value}' is not a whole number with an optional time unit (us, ms, s, m, h, d)`,
  fioAboveMax: (key: string, value: string, max: number) => `option '${key}': '${value}' is above the maximum ${max}`,
  fioRwModifier: (value: string) => `option 'rw=${value}': the ':N' offset modifier (rw_sequencer) is not simulated`,
  fioRwmixSum: (read: number, write: number) => `rwmixread=${read} and rwmixwrite=${write} do not add up to 100`,
  fioBadRange: (key: string, value: string) => `option '${key}': '${value}' is not a size or a range LOW-HIGH with LOW <= HIGH`,
  fioFtruncateReads: (job: string, rw: string) => `job '${job}': ioengine=ftruncate turns writes into truncates; it cannot do rw=${rw}`,
  fioTimeBasedNeedsRuntime: (job: string) => `job '${job}': time_based needs a runtime (runtime=...)`,
  chartUnreadable: (reason: string) => `cannot read the sweep CSV: ${reason}`,
  chartBadCsv: (reason: string) => `not a readable CSV: ${reason}`,
  chartNotASweep: () => "not a sweep CSV (fsyncsim sweep writes one): it needs the columns logger and throughput_kib_per_s",
  chartNoSweptColumn: () => "the sweep has no swept --set column to put on the x axis (name one with --x)",
  chartUnknownColumn: (x: string, swept: readonly string[]) => `no column '${x}' in the sweep${swept.length > 0 ? ` (swept: ${swept.join(", ")})` : ""}`,
  chartNoRows: () => "the sweep CSV has no rows",
  fioReplayOneJob: (job: string) => `job '${job}' replays an iolog (read_iolog); a job file that replays may hold only that one job`,
  fioNoEffect: (key: string, why: string) => `${key} has no effect in a simulation: ${why}`,
  fioZero: (key: string) => `option '${key}' must be greater than zero`,
  fioBelowMin: (key: string, value: string, min: number) => `option '${key}': '${value}' is below the minimum ${min}`,
  fioSizeRequired: (job: string) => `job '${job}' has no size (set size=...)`,
  fioBsLargerThanSize: (job: string, bs: number, size: number) =>
    `job '${job}': bs (${bs} bytes) is larger than size (${size} bytes)`,
  fioNoJobs: () => "no job section (only [global] sections, or none at all)",
  fioSizeRemainder: (job: string, size: number, bs: number) =>
    `job '${job}': size ${size} is not a multiple of bs ${bs}; the last partial block is not written`,
  fioIodepthNoEffect: (iodepth: number, engine: string) =>
    `iodepth=${iodepth} has no effect with ioengine=${engine}: a sync engine completes each I/O before issuing the next`,
  fioRandrepeatOff: () =>
    "randrepeat=0 asks fio for a fresh random sequence each run; fsyncsim is deterministic, so offsets come from --seed",
  rawIgnores: (option: string, value: string) =>
    `${option}=${value} has no effect with --fs raw (the job's file is mapped straight onto the device)`,
  rawTooLarge: (file: string, endBytes: number, capacity: number) =>
    `file '${file}' would end at byte ${endBytes}, past the end of the device (${capacity} bytes); files are laid end to end from byte 0`,
  rawNoTruncate: (job: string) => `job '${job}': ioengine=ftruncate needs a filesystem; a raw device cannot be truncated`,
  btrfsDirectUnaligned: (job: string, sector: number) =>
    `job '${job}': direct=1 on btrfs needs block sizes that are multiples of ${sector} bytes (btrfs_direct_IO returns EINVAL otherwise)`,
  rawUnaligned: (job: string, bs: number) =>
    `job '${job}': bs ${bs} is not a multiple of 512 bytes, which --fs raw (a block device) needs`,

  // --- crash-check ---
  crashUnsupportedFs: (fs: string, supported: readonly string[]) =>
    `crash-check cannot recover --fs ${fs} (it recovers: ${supported.join(", ")})`,
  crashUnsupportedFault: (fault: string, fs: string) => `the fault '${fault}' does not apply to --fs ${fs}`,

  // --- sweep and merge ---
  sweepBadShard: (text: string) => `'${text}' is not K/N with 1 <= K <= N (e.g. --shard 2/8)`,
  sweepValueTwice: (value: string) => `'${value}' is listed twice`,
  sweepKeyTwice: (key: string) => `'${key}' is set twice; give its values in one --set (${key}=A,B,...)`,
  sweepKeyIsColumn: (key: string) => `'${key}' cannot be swept: the CSV already has a column of that name`,
  sweepDeviceParamNowhere: (name: string, suggestion: string | undefined, devices: readonly string[]) =>
    `none of the devices swept (${devices.join(", ")}) has a parameter '${name}'${didYouMean(suggestion)}`,
  sweepNoLoggers: (fs: string) => `--fs ${fs} has no logger (there is no log); give one --logger or none`,
  sweepReplay: (job: string) => `job '${job}' replays an iolog (read_iolog); a sweep runs job files that generate their I/O`,
  sweepOutExists: () => "exists; use --resume to continue it or remove it",
  sweepUnreadable: (reason: string) => `cannot read the file: ${reason}`,
  sweepHeaderDiffers: (difference: string) => `its header is not the one this sweep writes: ${difference}`,
  sweepBadRow: (line: number, text: string) => `line ${line}: '${text.slice(0, 40)}' is not a sweep row (it must start with a point number)`,
  sweepRowNotInGrid: (line: number, point: number, total: number) =>
    `line ${line}: point ${point} is not a point of this sweep (its grid has points 0 to ${total - 1})`,
  sweepRowNotInShard: (line: number, point: number, k: number, n: number) => `line ${line}: point ${point} is not in shard ${k}/${n}`,
  sweepRowDiffers: (line: number, point: number, column: string, found: string, expected: string) =>
    `line ${line}: point ${point} has ${column}='${found}', but this sweep's point ${point} has ${column}='${expected}'`,
  sweepPointTwice: (point: number, first: string, second: string) => `point ${point} appears twice (${first} and ${second})`,
  mergeHeaderDiffers: (difference: string) => `its header differs from the first file's: ${difference}`,
  mergePartialRow: () => "its last line is incomplete (the sweep writing it was stopped); finish it with sweep --resume first",
  mergeNoHeader: () => "it is empty: a sweep file starts with its header line",
  mergeBadExpect: (text: string) => `'${text}' is not a whole number of points`,
  mergeMissing: (count: number, expect: number, first: readonly number[]) =>
    `${count} of the points 0 to ${expect - 1} are missing: ${first.join(", ")}${count > first.length ? ", ..." : ""}`,
  mergeBeyond: (point: number, expect: number) => `point ${point} is beyond the ${expect} points expected (0 to ${expect - 1})`,
} as const;
