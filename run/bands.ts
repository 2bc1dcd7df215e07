// Uncertainty bands: how far a result moves when the parameters no source pins down (status
// "unconfirmed", each with a documented range: ParamSpec.uncertainty) vary together over their
// ranges. A seeded Latin-hypercube sample over all of them; sample k gives every run the same values
// of the parameters they share, so the bands of cells on one device (and a speedup between them)
// come from the same draws. The fitted parameters are held at their fitted values in every sample
// (not refitted): a band shows what the unconfirmed parameters leave open around this calibration.
import { DEVICE_MODELS, type DeviceKind } from "../devices/index.ts";
import { latinHypercube, type ParamOverride, type ParamSpec } from "../lib/index.ts";
import { FILESYSTEMS, type FsKind } from "./filesystems.ts";

/** One parameter the bands vary: its `--set` group (device, or a filesystem group), name and spec. */
export interface UncertainParam {
  readonly group: string;
  readonly name: string;
  readonly spec: ParamSpec;
  /** For a device parameter, the device whose table it belongs to. */
  readonly device?: DeviceKind;
}

/** The unconfirmed parameters with a range, of the given devices and filesystems, in table order. */
export function uncertainParams(devices: readonly DeviceKind[], filesystems: readonly FsKind[]): UncertainParam[] {
  const out: UncertainParam[] = [];
  for (const device of [...new Set(devices)]) {
    for (const [name, spec] of Object.entries(DEVICE_MODELS[device].params)) if (spec.uncertainty !== undefined) out.push({ group: "device", name, spec, device });
  }
  const seen = new Set<string>();
  for (const fs of filesystems) {
    for (const [group, { table }] of Object.entries(FILESYSTEMS[fs].params)) {
      if (seen.has(group)) continue;
      seen.add(group);
      for (const [name, spec] of Object.entries(table)) if (spec.uncertainty !== undefined) out.push({ group, name, spec });
    }
  }
  return out;
}

/** A parameter's value at coordinate `u` in [0, 1) of its range, as a `--set` value. */
export function valueAt(spec: ParamSpec, u: number): string {
  switch (spec.kind) {
    case "number": {
      const r = spec.uncertainty;
      if (r === undefined) return String(spec.default);
      const v = r.low + u * (r.high - r.low);
      return String(spec.integer === true ? Math.round(v) : v);
    }
    case "boolean":
    case "choice": {
      const values: ReadonlyArray<string | boolean> = spec.uncertainty?.values ?? [spec.default];
      return String(values[Math.min(values.length - 1, Math.floor(u * values.length))]);
    }
  }
}

/** The overrides of one sample: the device's own parameters, and the filesystem groups'. */
export interface SampleOverrides {
  readonly device: (device: DeviceKind) => readonly ParamOverride[];
  readonly fs: Readonly<Record<string, readonly ParamOverride[]>>;
}

/** `n` samples over `params` (Latin hypercube, seeded by `seed`), as overrides to apply to each run. */
export function bandSamples(params: readonly UncertainParam[], n: number, seed: string): SampleOverrides[] {
  return latinHypercube(params.length, n, seed).map((point, k) => {
    const where = `uncertainty sample ${k}`;
    const byDevice = new Map<DeviceKind, ParamOverride[]>();
    const fs: Record<string, ParamOverride[]> = {};
    params.forEach((p, d) => {
      const o = { name: p.name, value: valueAt(p.spec, point[d] as number), where };
      if (p.device !== undefined) byDevice.set(p.device, [...(byDevice.get(p.device) ?? []), o]);
      else (fs[p.group] ??= []).push(o);
    });
    return { device: (device) => byDevice.get(device) ?? [], fs };
  });
}

/** The smallest and largest of `values`. */
export function band(values: readonly number[]): { readonly low: number; readonly high: number } {
  return { low: Math.min(...values), high: Math.max(...values) };
}
