// A RAM disk (drivers/block/brd.c): each command is a memory copy done synchronously by the
// submitting CPU, one at a time. There is no cache to flush, so Linux strips flushes before they get
// here; the model completes a stray flush at once.
import type { ParamTable, ParamValues } from "../lib/params/index.ts";
import { SECTOR_BYTES, type DeviceModel } from "../block/index.ts";
import { sectorAligned, toIntegerNs, type DeviceSpec } from "./device-spec.ts";

const RAMDISK_PARAMS = {
  copyBytesPerS: {
    kind: "number",
    default: 4e9,
    min: 1e6,
    max: 1e12,
    help: "memory-copy bandwidth of one core copying a bio's pages",
    source: "order of magnitude of a 2012 server core's memcpy (DDR3); not measured",
    status: "unconfirmed",
    uncertainty: { low: 2e9, high: 1e10, why: "one core's memcpy on a 2011-2012 server: 5.9 GB/s from DRAM on a Xeon E5-2670, 9.3 GB/s on an X5660, faster within cache (docs/sources.md §C1)" },
  },
  perCommandNs: {
    kind: "number",
    default: 1_000,
    min: 0,
    max: 1e9,
    integer: true,
    help: "fixed cost per command: bio walk and page lookups in brd",
    source: "plausibility (about a microsecond of kernel work); not measured",
    status: "unconfirmed",
    uncertainty: { low: 300, high: 5_000, why: "a bio's walk through generic_make_request into brd: a few hundred ns to a few µs of kernel work (docs/sources.md §C7)" },
  },
  capacityBytes: {
    kind: "number",
    default: 4 * 2 ** 30,
    min: 2 ** 20,
    max: 2 ** 44,
    integer: true,
    help: "device size",
    source: "a convenient size; brd's rd_size is configurable",
    status: "convention",
  },
} as const satisfies ParamTable;

export const ramdisk: DeviceSpec<typeof RAMDISK_PARAMS> = {
  name: "ramdisk",
  label: "RAM disk",
  summary: "memory-copy speed, no cache and no flush cost (brd)",
  params: RAMDISK_PARAMS,
  create(p: ParamValues<typeof RAMDISK_PARAMS>): DeviceModel {
    let freeNs = 0;
    return {
      capabilities: {
        volatileWriteCache: false,
        powerLossProtected: false,
        fua: false,
        capacityBytes: sectorAligned(p.capacityBytes),
        hostCpuNsPerCommand: 0,
        rotational: false,
      },
      submit(cmd, nowNs) {
        if (cmd.op === "flush") return nowNs;
        const startNs = Math.max(nowNs, freeNs);
        freeNs = startNs + toIntegerNs(p.perCommandNs + (cmd.sectorCount * SECTOR_BYTES * 1e9) / p.copyBytesPerS);
        return freeNs;
      },
    };
  },
};
