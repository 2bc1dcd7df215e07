// The null device: every command completes a constant time after it is submitted, in parallel, as
// null_blk with completion_nsec does (drivers/block/null_blk). It exists to test the simulator's core,
// block layer and workloads independently of any device mechanics (style guide P3).
import type { ParamTable, ParamValues } from "../lib/params/index.ts";
import type { DeviceModel } from "../block/index.ts";
import { sectorAligned, type DeviceSpec } from "./device-spec.ts";

const NULL_PARAMS = {
  completionNs: {
    kind: "number",
    default: 10_000,
    min: 0,
    max: 1e12,
    integer: true,
    help: "time from submission to completion of every command",
    source: "null_blk completion_nsec default (drivers/block/null_blk/main.c)",
    status: "confirmed",
  },
  volatileWriteCache: {
    kind: "boolean",
    default: false,
    help: "advertise a volatile write cache, so flushes reach the device",
    source: "null_blk has no cache unless cache_size is set",
    status: "confirmed",
  },
  fuaSupported: {
    kind: "boolean",
    default: true,
    help: "with a cache: accept FUA writes natively rather than as write + flush",
    source: "null_blk 'fua' parameter, default true",
    status: "confirmed",
  },
  capacityBytes: {
    kind: "number",
    default: 250 * 2 ** 30,
    min: 2 ** 20,
    max: 2 ** 50,
    integer: true,
    help: "device size",
    source: "null_blk gb=250 default",
    status: "confirmed",
  },
} as const satisfies ParamTable;

export const nullDevice: DeviceSpec<typeof NULL_PARAMS> = {
  name: "null",
  label: "null device",
  summary: "constant completion time, no mechanics (null_blk); for testing the simulator itself",
  params: NULL_PARAMS,
  create(p: ParamValues<typeof NULL_PARAMS>): DeviceModel {
    return {
      capabilities: {
        volatileWriteCache: p.volatileWriteCache,
        fua: p.volatileWriteCache && p.fuaSupported,
        powerLossProtected: false,
        capacityBytes: sectorAligned(p.capacityBytes),
        hostCpuNsPerCommand: 0,
        rotational: false,
      },
      submit: (_cmd, nowNs) => nowNs + p.completionNs,
    };
  },
};
