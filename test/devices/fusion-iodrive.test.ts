// The flash card held to its parameters (ioDrive2 spec, docs/sources.md §D2.1-D2.5): queue-depth-1
// latency, bandwidth under load, parallelism, and flushes that wait for writes in flight.
import { describe, expect, it } from "vitest";
import type { DeviceCommand } from "../../block/index.ts";
import { createDevice } from "../../devices/index.ts";
import { BlockDevice, emptyFlushBio, writeBio } from "../../block/index.ts";
import { Environment, type Proc } from "../../sim/index.ts";

const card = () => createDevice("fusion-iodrive").model;
const write = (sector: number, sectors: number): DeviceCommand => ({ op: "write", startSector: sector, sectorCount: sectors, fua: false });

describe("fusion-iodrive", () => {
  it("completes a 4 KiB write at queue depth 1 after the transfer plus the write latency", () => {
    // 4096 B at 1.1 GB/s = 3,724 ns; write access latency 15 µs.
    expect(card().submit(write(0, 8), 0)).toBe(3_724 + 15_000);
  });

  it("through the block layer, adds the driver's host CPU per command", () => {
    const env = new Environment();
    const bdev = new BlockDevice(env, card());
    const times: number[] = [];
    env.process(
      (function* (): Proc {
        yield bdev.submit(writeBio(0, 4096));
        times.push(env.nowNs);
        yield bdev.submit(emptyFlushBio());
        times.push(env.nowNs);
      })(),
    );
    env.run();
    expect(times).toEqual([10_000 + 3_724 + 15_000, 28_724 + 10_000 + 15_000]);
  });

  it("sustains its write bandwidth with many large writes in flight", () => {
    const d = card();
    let last = 0;
    const mib = 2048; // sectors
    for (let i = 0; i < 200; i++) last = Math.max(last, d.submit(write(i * mib, mib), 0));
    const bytesPerS = (200 * 2 ** 20 * 1e9) / last;
    expect(bytesPerS / 1.1e9).toBeGreaterThan(0.99);
    expect(bytesPerS / 1.1e9).toBeLessThanOrEqual(1);
  });

  it("runs small writes on its parallel units: about 8 / 15 µs ≈ 533k IOPS", () => {
    const d = card();
    let last = 0;
    const n = 8000;
    for (let i = 0; i < n; i++) last = Math.max(last, d.submit(write(i, 1), 0));
    const iops = (n * 1e9) / last;
    expect(iops).toBeGreaterThan(500_000);
    expect(iops).toBeLessThan(540_000);
  });

  it("makes a flush wait for the writes in flight, then its own latency", () => {
    const d = card();
    const w = d.submit(write(0, 8), 0);
    expect(d.submit({ op: "flush", startSector: 0, sectorCount: 0, fua: false }, 1_000)).toBe(w + 15_000);
  });

  it("advertises a write cache with FUA unless told its driver does not", () => {
    expect(card().capabilities).toMatchObject({ volatileWriteCache: true, fua: true });
    const plain = createDevice("fusion-iodrive", [{ name: "advertisesWriteCache", value: "false", where: "t" }]).model;
    expect(plain.capabilities).toMatchObject({ volatileWriteCache: false, fua: false });
  });
});
