// The I/O of one fast fsync (docs/sources.md §B2.6, §B2.7): the data write; the log tree's blocks
// (both DUP copies, not waited for); the log root tree's blocks (written and waited for); then,
// once the log blocks are done, write_ctree_super: an empty flush, then the primary superblock
// with FUA. How the flush and FUA reach the device depends on what it advertises.
import { describe, expect, it } from "vitest";
import type { DeviceCommand, DeviceModel } from "../../block/index.ts";
import { REQ, type Bio } from "../../block/index.ts";
import { mount } from "./harness.ts";

const K = 1024;

interface Logged {
  readonly cmd: DeviceCommand;
  readonly submitNs: number;
  readonly doneNs: number;
}

function recordingDevice(volatileWriteCache: boolean, fua: boolean): { model: DeviceModel; log: Logged[] } {
  const log: Logged[] = [];
  let free = 0;
  return {
    log,
    model: {
      capabilities: { volatileWriteCache, fua, powerLossProtected: false, capacityBytes: 64 * 2 ** 30, hostCpuNsPerCommand: 0, rotational: true },
      submit(cmd, nowNs) {
        const doneNs = Math.max(nowNs, free) + 1_000;
        free = doneNs;
        log.push({ cmd, submitNs: nowNs, doneNs });
        return doneNs;
      },
    },
  };
}

/** One fast fsync after a warm-up fsync and a commit: its bios and device commands. */
function oneFastFsync(volatileWriteCache: boolean, fua: boolean): { bios: Bio[]; cmds: Logged[]; path: string } {
  const dev = recordingDevice(volatileWriteCache, fua);
  const m = mount({ device: dev.model, sizeBytes: 1024 * K });
  m.write(0);
  m.fsync();
  m.commit();
  m.write(40 * K);
  const bios: Bio[] = [];
  const submit = m.bdev.submit.bind(m.bdev);
  m.bdev.submit = (bio: Bio) => {
    bios.push(bio);
    return submit(bio);
  };
  dev.log.length = 0;
  const path = m.fsync().path;
  return { bios, cmds: [...dev.log], path };
}

const kind = (b: Bio): string =>
  b.sectorCount === 0 ? "flush" : (b.flags & REQ.FUA) !== 0 ? "super" : (b.flags & REQ.META) !== 0 ? "meta" : "data";

describe("the I/O of one fast fsync", () => {
  it("submits data, log tree (x2, DUP), log root tree (x2), an empty flush, then the superblock with FUA", () => {
    const { bios, path } = oneFastFsync(true, true);
    expect(path).toBe("fast");
    expect(bios.map(kind)).toEqual(["data", "meta", "meta", "meta", "meta", "flush", "super"]);
    expect(bios[5]!.flags & REQ.PREFLUSH).toBe(REQ.PREFLUSH);
    expect(bios[6]!.flags).toBe(REQ.FUA | REQ.META);
    expect(bios[6]!.startSector * 512).toBe(64 * K);
    // the two copies of each metadata block are one metadata chunk apart (DUP stripes back to back)
    expect(Math.abs(bios[2]!.startSector - bios[1]!.startSector) * 512).toBe(2 ** 30);
  });

  it("waits for the log blocks before flushing, and for the flush before writing the superblock", () => {
    const { cmds } = oneFastFsync(true, true);
    const flushAt = cmds.findIndex((c) => c.cmd.op === "flush");
    const lastLogDone = Math.max(...cmds.slice(0, flushAt).map((c) => c.doneNs));
    expect(cmds[flushAt]!.submitNs).toBeGreaterThanOrEqual(lastLogDone);
    expect(cmds[flushAt + 1]!.submitNs).toBeGreaterThanOrEqual(cmds[flushAt]!.doneNs);
    // the log tree's writes go out before the log root tree's, without waiting between them
    expect(cmds[1]!.submitNs).toBe(cmds[2]!.submitNs);
  });

  it("sends native FUA to a device with a write cache and FUA", () => {
    const { cmds } = oneFastFsync(true, true);
    expect(cmds.map((c) => `${c.cmd.op}${c.cmd.fua ? "+fua" : ""}`)).toEqual(["write", "write", "write", "write", "write", "flush", "write+fua"]);
  });

  it("emulates FUA as write + flush on a device with a cache but no FUA (libata.fua=0)", () => {
    const { cmds } = oneFastFsync(true, false);
    expect(cmds.map((c) => `${c.cmd.op}${c.cmd.fua ? "+fua" : ""}`)).toEqual(["write", "write", "write", "write", "write", "flush", "write", "flush"]);
  });

  it("sends neither flushes nor FUA to a device without a volatile cache", () => {
    const { cmds } = oneFastFsync(false, false);
    expect(cmds.map((c) => c.cmd.op)).toEqual(["write", "write", "write", "write", "write", "write"]);
  });
});
