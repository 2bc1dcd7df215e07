// One job section's options turned into a typed FioJob, with fio's rules for how options combine
// (init.c fixup_options, filesetup.c setup_files): size from filesize x nrfiles when only filesize
// is given, rwmixwrite as 100 - rwmixread, bssplit over bsrange over bs, direct as !buffered, and
// the checks fio makes before it runs a job. Combinations that fio accepts but that change nothing
// in a simulation produce warnings, never silence.
import { MSG } from "../../lib/messages.ts";
import { InputError } from "../../lib/input-error.ts";
import { maxBlockBytes, minBlockBytes, parseBs, parseBsrange, parseBssplit, type BlockSizes } from "./block-sizes.ts";
import type { FallocateMode, FioJob, IoEngine, RwMode } from "./job-types.ts";
import type { OptionReader } from "./option-reader.ts";
import { FIO_OPTIONS } from "./options.ts";
import { parseRandomDistribution } from "./random-distribution.ts";
import { parseFioInteger } from "./values.ts";

export function typedJob(section: string, index: number, o: OptionReader, file: string, warnings: string[]): FioJob {
  const name = o.text("name") ?? section;
  const ioengine = o.choice("ioengine") as IoEngine;
  const rw = readRw(o);
  const bs = readBlockSizes(o);
  if (ioengine === "ftruncate" && rw !== "write" && rw !== "randwrite") throw new InputError(o.where("rw"), MSG.fioFtruncateReads(name, rw));

  const nrfiles = o.integer("nrfiles") as number;
  const filesize = readFilesize(o);
  let sizeBytes = o.integer("size");
  if (sizeBytes === undefined) {
    if (filesize === undefined) throw new InputError(file, MSG.fioSizeRequired(name));
    sizeBytes = filesize.max * nrfiles;
  }
  const minBs = Math.min(minBlockBytes(bs.read), minBlockBytes(bs.write));
  const perFile = Math.floor(sizeBytes / nrfiles);
  const largest = Math.max(rw === "write" || rw === "randwrite" ? 0 : maxBlockBytes(bs.read), rw === "read" || rw === "randread" ? 0 : maxBlockBytes(bs.write));
  if (largest > (filesize?.min ?? perFile)) throw new InputError(o.where("bs"), MSG.fioBsLargerThanSize(name, largest, filesize?.min ?? perFile));
  if (sizeBytes % minBs !== 0) warnings.push(MSG.fioSizeRemainder(name, sizeBytes, minBs));

  const iodepth = o.integer("iodepth") as number;
  if (iodepth > 1 && ioengine !== "posixaio") warnings.push(MSG.fioIodepthNoEffect(iodepth, ioengine));
  const randrepeat = o.bool("randrepeat");
  const randseed = o.integer("randseed");
  if (!randrepeat && randseed === undefined) warnings.push(MSG.fioRandrepeatOff());
  const runtimeNs = o.time("runtime");
  const timeBased = o.bool("time_based");
  if (timeBased && (runtimeNs === undefined || runtimeNs === 0)) throw new InputError(o.where("time_based"), MSG.fioTimeBasedNeedsRuntime(name));
  for (const opt of FIO_OPTIONS) if (opt.noEffect !== undefined && o.has(opt.key) && o.bool(opt.key)) warnings.push(MSG.fioNoEffect(opt.key, opt.noEffect));

  const sync = o.choice("sync");
  const fallocate = o.choice("fallocate");
  const unitBase = o.choice("unit_base");
  const filename = o.text("filename");
  return {
    name,
    description: o.text("description") ?? "",
    file,
    index,
    rw,
    rwmixreadPct: readRwmix(o),
    bs,
    bsUnaligned: o.bool("blocksize_unaligned"),
    sizeBytes,
    filesizeBytes: filesize,
    offset: readOffset(o),
    ioSizeBytes: o.integer("io_size") ?? sizeBytes,
    numberIos: o.integer("number_ios") as number,
    loops: o.integer("loops") as number,
    nrfiles,
    filenames: filename === undefined ? undefined : filename.split(":").filter((f) => f !== ""),
    directory: o.text("directory") ?? "",
    fsyncEvery: o.integer("fsync") as number,
    fdatasyncEvery: o.integer("fdatasync") as number,
    syncMode: sync === "1" || sync === "sync" ? "sync" : sync === "dsync" ? "dsync" : "none",
    endFsync: o.bool("end_fsync"),
    fsyncOnClose: o.bool("fsync_on_close"),
    fallocate: fallocate === "0" ? "none" : fallocate === "1" ? "posix" : (fallocate as FallocateMode),
    overwrite: o.bool("overwrite"),
    createOnOpen: o.bool("create_on_open"),
    invalidate: o.bool("invalidate"),
    norandommap: o.bool("norandommap"),
    randrepeat,
    randseed,
    randomDistribution: parseRandomDistribution(o.textOrDefault("random_distribution") ?? "random", o.where("random_distribution")),
    numjobs: o.integer("numjobs") as number,
    ioengine,
    iodepth,
    runtimeNs: runtimeNs === 0 ? undefined : runtimeNs,
    timeBased,
    startdelayNs: o.time("startdelay") as number,
    thinktimeNs: o.time("thinktime") as number,
    rateIops: readRate(o, "rate_iops", 1000),
    rateBytesPerS: readRate(o, "rate", o.kbBase),
    readIolog: o.text("read_iolog"),
    replayNoStall: o.bool("replay_no_stall"),
    direct: o.bool("direct") || !o.bool("buffered"),
    groupReporting: o.bool("group_reporting"),
    stonewall: o.bool("stonewall"),
    newGroup: o.bool("new_group"),
    kbBase: o.kbBase as 1024 | 1000,
    unitBase: unitBase === "1" ? 1 : 8,
    options: o.asText(),
  };
}

/** rw=, refusing fio's ':N' offset modifier (rw_sequencer), which fsyncsim does not model. */
function readRw(o: OptionReader): RwMode {
  const text = o.text("rw");
  if (text?.includes(":") === true) throw new InputError(o.where("rw"), MSG.fioRwModifier(text));
  const rw = o.choice("rw");
  return (rw === "readwrite" ? "rw" : rw) as RwMode;
}

/** rwmixread, or 100 - rwmixwrite when only that is given; both given must add up to 100. */
function readRwmix(o: OptionReader): number {
  const read = o.integer("rwmixread") as number;
  const write = o.integer("rwmixwrite") as number;
  if (o.has("rwmixread") && o.has("rwmixwrite") && read + write !== 100) throw new InputError(o.where("rwmixwrite"), MSG.fioRwmixSum(read, write));
  return o.has("rwmixwrite") && !o.has("rwmixread") ? 100 - write : read;
}

/** bssplit if given, else bsrange, else bs (fio: bssplit takes precedence; bsrange and bs set the same limits). */
function readBlockSizes(o: OptionReader): BlockSizes {
  const split = o.text("bssplit");
  if (split !== undefined) return parseBssplit(split, o.kbBase, o.where("bssplit"));
  const range = o.text("bsrange");
  if (range !== undefined) return parseBsrange(range, o.kbBase, o.where("bsrange"));
  return parseBs(o.textOrDefault("bs") ?? "4k", o.kbBase, o.where("bs"));
}

/** filesize=N or filesize=LOW-HIGH. */
function readFilesize(o: OptionReader): { min: number; max: number } | undefined {
  const text = o.text("filesize");
  if (text === undefined) return undefined;
  const where = o.where("filesize");
  const [lowText, highText, extra] = text.split("-");
  if (extra !== undefined || lowText === undefined) throw new InputError(where, MSG.fioBadRange("filesize", text));
  const min = parseFioInteger("filesize", lowText, o.kbBase, where);
  const max = highText === undefined ? min : parseFioInteger("filesize", highText, o.kbBase, where);
  if (min <= 0 || max < min) throw new InputError(where, MSG.fioBadRange("filesize", text));
  return { min, max };
}

/** offset=BYTES or offset=PCT%. */
function readOffset(o: OptionReader): FioJob["offset"] {
  const text = (o.textOrDefault("offset") ?? "0").trim();
  const where = o.where("offset");
  const pct = /^(\d+)%$/.exec(text);
  if (pct !== null) {
    const p = Number(pct[1]);
    if (p >= 100) throw new InputError(where, MSG.fioAboveMax("offset", text, 99));
    return { pct: p };
  }
  return { bytes: parseFioInteger("offset", text, o.kbBase, where) };
}

/** rate_iops=N or rate=N (reads and writes), or R,W with either side empty. */
function readRate(o: OptionReader, key: "rate_iops" | "rate", base: number): FioJob["rateIops"] {
  const text = o.text(key);
  if (text === undefined) return { read: undefined, write: undefined };
  const where = o.where(key);
  const parts = text.split(",");
  if (parts.length > 3) throw new InputError(where, MSG.fioBadInteger(key, text));
  const parse = (t: string | undefined): number | undefined => {
    if (t === undefined || t.trim() === "") return undefined;
    const n = parseFioInteger(key, t, base, where);
    if (n === 0) throw new InputError(where, MSG.fioZero(key));
    return n;
  };
  if (parts.length === 1) {
    const both = parse(parts[0]);
    return { read: both, write: both };
  }
  return { read: parse(parts[0]), write: parse(parts[1]) };
}
