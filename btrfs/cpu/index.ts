// The host CPU cost model.
export { CPU_PARAMS } from "./cpu-params.ts";
export { CPU_KINDS, CpuMeter, type CpuKind, type CpuParams } from "./cpu-meter.ts";
