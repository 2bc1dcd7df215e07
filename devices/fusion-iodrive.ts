// A 2012 Fusion-io ioDrive2-class PCIe flash card. The card takes commands through a shared PCIe
// link (one transfer at a time per direction, at the card's bandwidth) into one of several parallel
// flash units, each busy for the access latency. The VSL driver runs its flash translation layer on
// the host, so every command also costs host CPU. The driver advertises a write cache with FUA
// (REQ_FLUSH | REQ_FUA in VSL 2.3.11 kblock.c), so Linux sends flushes; a flush waits for writes in
// flight and then costs a short fixed time (the KBIO_CMD_FLUSH cost is not public).
// Sources: docs/sources.md §D0.2, §D2.1-D2.5.
import type { ParamTable, ParamValues } from "../lib/params/index.ts";
import { SECTOR_BYTES, type DeviceModel } from "../block/index.ts";
import { sectorAligned, toIntegerNs, type DeviceSpec } from "./device-spec.ts";

const FUSION_PARAMS = {
  writeLatencyUs: {
    kind: "number",
    default: 15,
    min: 0,
    max: 1e6,
    help: "access latency of a write once its data is on the card",
    source: "ioDrive2 spec table, 'write access latency 15 µs' on every model (qdpma.com, StorageReview)",
    status: "secondary",
  },
  readLatencyUs: {
    kind: "number",
    default: 68,
    min: 0,
    max: 1e6,
    help: "access latency of a read",
    source: "ioDrive2 spec table, 68 µs (MLC; 47 µs SLC)",
    status: "secondary",
  },
  writeBandwidthBytesPerS: {
    kind: "number",
    default: 1.1e9,
    min: 1e6,
    max: 1e11,
    help: "sustained write bandwidth of the link and card",
    source: "ioDrive2 1 MB write bandwidth 0.59-1.3 GB/s by model; docs/sources.md §D2.5 preset 1.1-1.3 GB/s",
    status: "secondary",
  },
  readBandwidthBytesPerS: {
    kind: "number",
    default: 1.3e9,
    min: 1e6,
    max: 1e11,
    help: "sustained read bandwidth of the link and card",
    source: "ioDrive2 1 MB read bandwidth 0.91-1.5 GB/s by model",
    status: "secondary",
  },
  parallelUnitsCount: {
    kind: "number",
    default: 8,
    min: 1,
    max: 1024,
    integer: true,
    help: "commands the card services at once (internal parallelism)",
    source: "535,000 512 B write IOPS x 15 µs latency ≈ 8 in flight (ioDrive2 spec)",
    status: "derived",
  },
  flushLatencyUs: {
    kind: "number",
    default: 15,
    min: 0,
    max: 1e6,
    help: "cost of KBIO_CMD_FLUSH after the writes in flight have completed",
    source: "not public (closed VSL core); docs/sources.md §D2.3 suggests about one write latency",
    status: "unconfirmed",
    uncertainty: { low: 5, high: 200, why: "not public; the card acknowledges a write in about 15 µs and a flush only waits for writes in flight, so one to ten write latencies" },
  },
  hostCpuPerCommandUs: {
    kind: "number",
    default: 10,
    min: 0,
    max: 1e4,
    help: "host CPU the VSL driver (host-side FTL) spends on each command",
    source: "no published figure; docs/sources.md §D2.5 'a few µs to tens of µs'",
    status: "unconfirmed",
    uncertainty: { low: 3, high: 30, why: "docs/sources.md §D2.5: the host-side FTL costs 'a few µs to tens of µs' per command" },
  },
  advertisesNonRotational: {
    kind: "boolean",
    default: false,
    help: "driver sets QUEUE_FLAG_NONROT, so btrfs mounts with the ssd option (no log-sync batching sleep)",
    source: "RemixVSL/iomemory-vsl 2.3.11 kblock.c kfio_create_disk sets limits, flush flags and discard but not NONROT",
    status: "confirmed",
  },
  advertisesWriteCache: {
    kind: "boolean",
    default: true,
    help: "driver sets REQ_FLUSH|REQ_FUA, so Linux sends flushes and native FUA writes",
    source: "RemixVSL/iomemory-vsl 2.3.11 kblock.c, new barrier scheme (2.6.37+)",
    status: "confirmed",
  },
  powerCutSafe: {
    kind: "boolean",
    default: true,
    help: "a write the card has acknowledged survives a power cut, flushed or not (false: an early card without power-cut support, whose unflushed writes may be lost)",
    source: "docs/sources.md §D2.3: later ioDrives are power-cut safe, a write acknowledged at about 15 µs is already protected; iomemory-vsl strict_sync exists for 'early non-powercut safe cards'",
    status: "unconfirmed",
    uncertainty: { values: [true, false], why: "later ioDrives are power-cut safe, early ones were not; which the seed used is not known" },
  },
  capacityBytes: {
    kind: "number",
    default: 365e9,
    min: 2 ** 20,
    max: 2 ** 50,
    integer: true,
    help: "usable size",
    source: "ioDrive2 365 GB MLC model (qdpma.com spec table)",
    status: "secondary",
  },
} as const satisfies ParamTable;

export const fusionIoDrive: DeviceSpec<typeof FUSION_PARAMS> = {
  name: "fusion-iodrive",
  label: "Fusion-io card",
  summary: "a 2012 Fusion-io ioDrive2-class PCIe flash card with a host-side driver",
  params: FUSION_PARAMS,
  create(p: ParamValues<typeof FUSION_PARAMS>): DeviceModel {
    const unitFreeNs = new Array<number>(p.parallelUnitsCount).fill(0);
    const linkFreeNs = { read: 0, write: 0 };
    let writesDoneNs = 0;
    const takeUnit = (readyNs: number, busyNs: number): number => {
      let u = 0;
      for (let i = 1; i < unitFreeNs.length; i++) if ((unitFreeNs[i] ?? 0) < (unitFreeNs[u] ?? 0)) u = i;
      const doneNs = Math.max(readyNs, unitFreeNs[u] ?? 0) + busyNs;
      unitFreeNs[u] = doneNs;
      return doneNs;
    };
    return {
      capabilities: {
        volatileWriteCache: p.advertisesWriteCache,
        fua: p.advertisesWriteCache,
        powerLossProtected: p.powerCutSafe,
        capacityBytes: sectorAligned(p.capacityBytes),
        hostCpuNsPerCommand: toIntegerNs(p.hostCpuPerCommandUs * 1e3),
        rotational: !p.advertisesNonRotational,
      },
      submit(cmd, nowNs) {
        if (cmd.op === "flush") return Math.max(nowNs, writesDoneNs) + toIntegerNs(p.flushLatencyUs * 1e3);
        const write = cmd.op === "write";
        const bandwidth = write ? p.writeBandwidthBytesPerS : p.readBandwidthBytesPerS;
        const transferNs = toIntegerNs((cmd.sectorCount * SECTOR_BYTES * 1e9) / bandwidth);
        const linkDoneNs = Math.max(nowNs, linkFreeNs[cmd.op]) + transferNs;
        linkFreeNs[cmd.op] = linkDoneNs;
        const latencyNs = toIntegerNs((write ? p.writeLatencyUs : p.readLatencyUs) * 1e3);
        const doneNs = takeUnit(linkDoneNs, latencyNs);
        if (write) writesDoneNs = Math.max(writesDoneNs, doneNs);
        return doneNs;
      },
    };
  },
};
