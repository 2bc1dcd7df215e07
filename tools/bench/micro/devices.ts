// Micro-benchmarks of the device models' service (devices/): `submit` of random 4 KiB writes on
// the 2012 SATA disk (write cache, seek curve, platter angle) and the Fusion-io card (link,
// parallel flash units), each closed-loop (the next command arrives when the last completes),
// alone and each followed by a cache flush as an fsync would send.
import type { Bench } from "tinybench";
import { SECTOR_BYTES, type DeviceCommand } from "../../../block/index.ts";
import { createDevice, type DeviceKind } from "../../../devices/index.ts";
import { count, randomInts } from "./format.ts";

const DEVICES: readonly DeviceKind[] = ["sata-hdd", "fusion-iodrive"];
const WRITE_SECTORS = 4096 / SECTOR_BYTES;
/** Writes per call of the write-only task. */
const WRITES = 1_000;
/** Write + flush pairs per call of the second task. */
const SYNCED_WRITES = 100;
/** The writes land in the first 8 GiB of the device (a file system's data area, not the whole disk). */
const SPAN_SECTORS = (8 * 1024 ** 3) / SECTOR_BYTES;
const FLUSH: DeviceCommand = { op: "flush", startSector: 0, sectorCount: 0, fua: false };

export function addDeviceTasks(bench: Bench): void {
  for (const kind of DEVICES) {
    const device = createDevice(kind).model;
    const random = randomInts(kind);
    const writes: DeviceCommand[] = Array.from({ length: WRITES }, () => ({
      op: "write", startSector: random(SPAN_SECTORS / WRITE_SECTORS) * WRITE_SECTORS, sectorCount: WRITE_SECTORS, fua: false,
    }));
    let nowNs = 0;

    bench.add(`${kind}: ${count(WRITES)} random 4 KiB writes`, () => {
      for (const w of writes) nowNs = device.submit(w, nowNs);
    });

    bench.add(`${kind}: ${count(SYNCED_WRITES)} x (random 4 KiB write + flush)`, () => {
      for (let i = 0; i < SYNCED_WRITES; i++) {
        nowNs = device.submit(writes[i] as DeviceCommand, nowNs);
        nowNs = device.submit(FLUSH, nowNs);
      }
    });
  }
}
