// The Linux block layer between a filesystem and a device model: it turns each bio's PREFLUSH and
// FUA flags into device commands by what the device advertises, as block/blk-flush.c does
// (blk_flush_policy: PREFLUSH -> DATA -> POSTFLUSH), dispatches commands in FIFO order (the noop
// elevator) and counts what reaches the device. Rules (Documentation/block/writeback_cache_control):
//   no volatile write cache -> FLUSH and FUA are stripped; an empty flush completes at once;
//   cache, no FUA           -> PREFLUSH as a flush command first; FUA as write then a post-flush;
//   cache and FUA           -> PREFLUSH as a flush command first; FUA sent with the write.
import type { Environment, Event, Proc } from "../sim/index.ts";
import { REQ, type Bio } from "./bio.ts";
import { SECTOR_BYTES, type DeviceCommand, type DeviceModel } from "./device.ts";
import type { BlockRecorder } from "./recorder.ts";

/** Counters of what the block layer received and what it sent to the device. */
export interface BlockStats {
  /** Bios submitted by the filesystem. */
  bios: number;
  /** Read commands sent to the device. */
  deviceReads: number;
  /** Write commands sent to the device (native FUA writes included). */
  deviceWrites: number;
  /** Flush commands sent to the device (pre-flushes, post-flushes and empty flushes). */
  deviceFlushes: number;
  /** Write commands sent with native FUA. */
  deviceFuaWrites: number;
  bytesRead: number;
  bytesWritten: number;
  /** Empty flushes completed at once because the device has no volatile cache. */
  flushesCompletedAtOnce: number;
  /** Data bios whose FLUSH/FUA flags were stripped because the device has no volatile cache. */
  flagsStripped: number;
  /** Host CPU time charged for the driver's per-command work, ns. */
  driverCpuNs: number;
  /** Summed time from dispatch to completion of read, write and flush commands, ns (diskstats ticks). */
  readTicksNs: number;
  writeTicksNs: number;
  flushTicksNs: number;
  /** Time with at least one command outstanding, ns (diskstats io_ticks: fio's disk util). */
  busyNs: number;
}

export function zeroBlockStats(): BlockStats {
  return {
    bios: 0,
    deviceReads: 0,
    deviceWrites: 0,
    deviceFlushes: 0,
    deviceFuaWrites: 0,
    bytesRead: 0,
    bytesWritten: 0,
    flushesCompletedAtOnce: 0,
    flagsStripped: 0,
    driverCpuNs: 0,
    readTicksNs: 0,
    writeTicksNs: 0,
    flushTicksNs: 0,
    busyNs: 0,
  };
}

const FLUSH_COMMAND: DeviceCommand = { op: "flush", startSector: 0, sectorCount: 0, fua: false };

/** A request queue in front of one device model (struct request_queue + its block_device). */
export class BlockDevice {
  readonly stats: BlockStats = zeroBlockStats();
  private readonly env: Environment;
  private readonly device: DeviceModel;
  private readonly capacitySectors: number;
  /** When the (single) submitting CPU is free again after driver work, ns. */
  private driverCpuFreeNs = 0;
  /** When the last outstanding command completes, ns (for busyNs). */
  private busyUntilNs = 0;
  /** Hears of every write and flush command, when one is attached (the crash checker's). */
  private recorder: BlockRecorder | undefined;

  constructor(env: Environment, device: DeviceModel) {
    this.env = env;
    this.device = device;
    this.capacitySectors = Math.floor(device.capabilities.capacityBytes / SECTOR_BYTES);
  }

  get capacityBytes(): number {
    return this.device.capabilities.capacityBytes;
  }

  /** A recorder is attached: writers describe what their bios carry (Bio.images). */
  get recording(): boolean {
    return this.recorder !== undefined;
  }

  /** Tells `recorder` of every write and flush command from now on. */
  attachRecorder(recorder: BlockRecorder): void {
    this.recorder = recorder;
  }

  /**
   * An acknowledged write can be lost at a power cut until a flush covers it: the device has a
   * volatile write cache and no power-loss protection.
   */
  get writesAtRiskUntilFlushed(): boolean {
    const caps = this.device.capabilities;
    return caps.volatileWriteCache && !caps.powerLossProtected;
  }

  /** The device reports itself rotational (no QUEUE_FLAG_NONROT). */
  get rotational(): boolean {
    return this.device.capabilities.rotational;
  }

  /** Submits `bio`; the returned event succeeds when the bio has completed (submit_bio + wait). */
  submit(bio: Bio): Event<unknown> {
    this.stats.bios++;
    this.checkRange(bio);
    const caps = this.device.capabilities;
    let preflush = (bio.flags & REQ.PREFLUSH) !== 0;
    let fua = (bio.flags & REQ.FUA) !== 0;
    const hasData = bio.sectorCount > 0;
    if (!caps.volatileWriteCache && (preflush || fua)) {
      if (hasData) this.stats.flagsStripped++;
      preflush = false;
      fua = false;
    }
    if (!hasData && !preflush) {
      this.stats.flushesCompletedAtOnce++;
      return this.env.timeout(0);
    }
    const postflush = fua && !caps.fua;
    const data: DeviceCommand | undefined = hasData
      ? { op: bio.dir, startSector: bio.startSector, sectorCount: bio.sectorCount, fua: fua && caps.fua }
      : undefined;
    if (!preflush && !postflush && data !== undefined) return this.dispatch(data, bio.images);
    return this.env.process(this.flushSequence(preflush, data, postflush, bio.images));
  }

  /** blk-flush's state machine for one bio: each step waits for the one before. */
  private *flushSequence(preflush: boolean, data: DeviceCommand | undefined, postflush: boolean, images: Bio["images"]): Proc {
    if (preflush) yield this.dispatch(FLUSH_COMMAND);
    if (data !== undefined) yield this.dispatch(data, images);
    if (postflush) yield this.dispatch(FLUSH_COMMAND);
  }

  /** Sends one command to the device after the driver's CPU work; completes when the device does. */
  private dispatch(cmd: DeviceCommand, images?: Bio["images"]): Event<unknown> {
    const s = this.stats;
    if (cmd.op === "flush") s.deviceFlushes++;
    else if (cmd.op === "read") {
      s.deviceReads++;
      s.bytesRead += cmd.sectorCount * SECTOR_BYTES;
    } else {
      s.deviceWrites++;
      s.bytesWritten += cmd.sectorCount * SECTOR_BYTES;
      if (cmd.fua) s.deviceFuaWrites++;
    }
    const now = this.env.nowNs;
    const cpuNs = this.device.capabilities.hostCpuNsPerCommand;
    this.driverCpuFreeNs = Math.max(now, this.driverCpuFreeNs) + cpuNs;
    s.driverCpuNs += cpuNs;
    const doneNs = this.device.submit(cmd, this.driverCpuFreeNs);
    if (!Number.isSafeInteger(doneNs) || doneNs < this.driverCpuFreeNs) {
      throw new RangeError(`device returned completion ${doneNs} for a command issued at ${this.driverCpuFreeNs}`);
    }
    this.account(cmd.op, now, doneNs);
    if (this.recorder !== undefined && cmd.op !== "read") {
      if (cmd.op === "flush") this.recorder.deviceFlush(this.driverCpuFreeNs, doneNs);
      else this.recorder.deviceWrite(cmd.startSector * SECTOR_BYTES, images ?? [], this.driverCpuFreeNs, doneNs, cmd.fua);
    }
    return this.env.timeout(doneNs - now);
  }

  /** diskstats-style accounting of one command outstanding over [fromNs, doneNs). */
  private account(op: DeviceCommand["op"], fromNs: number, doneNs: number): void {
    const s = this.stats;
    const ticks = doneNs - fromNs;
    if (op === "read") s.readTicksNs += ticks;
    else if (op === "write") s.writeTicksNs += ticks;
    else s.flushTicksNs += ticks;
    s.busyNs += Math.max(0, doneNs - Math.max(fromNs, this.busyUntilNs));
    this.busyUntilNs = Math.max(this.busyUntilNs, doneNs);
  }

  private checkRange(bio: Bio): void {
    if (bio.startSector < 0 || bio.startSector + bio.sectorCount > this.capacitySectors) {
      throw new RangeError(
        `bio sectors [${bio.startSector}, ${bio.startSector + bio.sectorCount}) beyond the device's ${this.capacitySectors}`,
      );
    }
  }
}
