// The block layer applies Linux's flush/FUA rules by device capability
// (Reference: Documentation/block/writeback_cache_control.rst; docs/sources.md §D0.2).
import { describe, expect, it } from "vitest";
import type { DeviceCommand, DeviceModel } from "../../block/index.ts";
import { createDevice } from "../../devices/index.ts";
import { BlockDevice, REQ, emptyFlushBio, writeBio, type Bio } from "../../block/index.ts";
import { Environment, type Proc } from "../../sim/index.ts";

/** A device that records each command and completes it `ns` later. */
function recordingDevice(caps: { volatileWriteCache: boolean; fua: boolean }, ns = 1_000): { model: DeviceModel; log: string[] } {
  const log: string[] = [];
  return {
    log,
    model: {
      capabilities: { powerLossProtected: false, ...caps, capacityBytes: 2 ** 30, hostCpuNsPerCommand: 0, rotational: false },
      submit(cmd: DeviceCommand, nowNs: number) {
        log.push(`${nowNs}:${cmd.op}${cmd.fua ? "+fua" : ""}`);
        return nowNs + ns;
      },
    },
  };
}

function complete(bdev: BlockDevice, env: Environment, bio: Bio): number {
  let doneAt = -1;
  env.process(
    (function* (): Proc {
      yield bdev.submit(bio);
      doneAt = env.nowNs;
    })(),
  );
  env.run();
  return doneAt;
}

describe("BlockDevice", () => {
  it("without a volatile cache completes an empty flush at once and never sends it", () => {
    const env = new Environment();
    const dev = recordingDevice({ volatileWriteCache: false, fua: false });
    const bdev = new BlockDevice(env, dev.model);
    expect(complete(bdev, env, emptyFlushBio())).toBe(0);
    expect(dev.log).toEqual([]);
    expect(bdev.stats.flushesCompletedAtOnce).toBe(1);
    expect(bdev.stats.deviceFlushes).toBe(0);
  });

  it("without a volatile cache strips PREFLUSH and FUA from a write", () => {
    const env = new Environment();
    const dev = recordingDevice({ volatileWriteCache: false, fua: false });
    const bdev = new BlockDevice(env, dev.model);
    expect(complete(bdev, env, writeBio(4096, 4096, REQ.PREFLUSH | REQ.FUA))).toBe(1_000);
    expect(dev.log).toEqual(["0:write"]);
    expect(bdev.stats.flagsStripped).toBe(1);
  });

  it("with a cache but no FUA emulates FUA as the write, then a post-flush", () => {
    const env = new Environment();
    const dev = recordingDevice({ volatileWriteCache: true, fua: false });
    const bdev = new BlockDevice(env, dev.model);
    expect(complete(bdev, env, writeBio(0, 4096, REQ.FUA))).toBe(2_000);
    expect(dev.log).toEqual(["0:write", "1000:flush"]);
    expect(bdev.stats).toMatchObject({ deviceWrites: 1, deviceFlushes: 1, deviceFuaWrites: 0 });
  });

  it("sends PREFLUSH as a flush that completes before the data is sent", () => {
    const env = new Environment();
    const dev = recordingDevice({ volatileWriteCache: true, fua: true });
    const bdev = new BlockDevice(env, dev.model);
    expect(complete(bdev, env, writeBio(0, 4096, REQ.PREFLUSH | REQ.FUA))).toBe(2_000);
    expect(dev.log).toEqual(["0:flush", "1000:write+fua"]);
    expect(bdev.stats).toMatchObject({ deviceWrites: 1, deviceFlushes: 1, deviceFuaWrites: 1 });
  });

  it("with a cache and FUA sends FUA natively with the write", () => {
    const env = new Environment();
    const dev = recordingDevice({ volatileWriteCache: true, fua: true });
    const bdev = new BlockDevice(env, dev.model);
    expect(complete(bdev, env, writeBio(0, 4096, REQ.FUA | REQ.META))).toBe(1_000);
    expect(dev.log).toEqual(["0:write+fua"]);
  });

  it("sends an empty flush to a device with a cache", () => {
    const env = new Environment();
    const dev = recordingDevice({ volatileWriteCache: true, fua: false });
    const bdev = new BlockDevice(env, dev.model);
    expect(complete(bdev, env, emptyFlushBio())).toBe(1_000);
    expect(dev.log).toEqual(["0:flush"]);
  });

  it("counts requests and bytes, and charges the driver's CPU before each command", () => {
    const env = new Environment();
    const device = createDevice("null", [{ name: "completionNs", value: "500", where: "test" }]).model;
    const model: DeviceModel = { capabilities: { ...device.capabilities, hostCpuNsPerCommand: 200 }, submit: device.submit };
    const bdev = new BlockDevice(env, model);
    const done: number[] = [];
    env.process(
      (function* (): Proc {
        for (let i = 0; i < 3; i++) {
          yield bdev.submit(writeBio(i * 8192, 8192));
          done.push(env.nowNs);
        }
      })(),
    );
    env.run();
    expect(done).toEqual([700, 1400, 2100]);
    expect(bdev.stats).toMatchObject({ bios: 3, deviceWrites: 3, bytesWritten: 3 * 8192, driverCpuNs: 600 });
  });

  it("refuses a bio beyond the end of the device", () => {
    const env = new Environment();
    const bdev = new BlockDevice(env, recordingDevice({ volatileWriteCache: false, fua: false }).model);
    expect(() => bdev.submit(writeBio(2 ** 30, 4096))).toThrow(RangeError);
  });
});
