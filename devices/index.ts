// The device registry: every device model kind by name. DeviceKind is derived from the name list,
// and the registry is a Record over it, so adding a name without a model is a compile error.
import { InputError } from "../lib/input-error.ts";
import { closestMatch } from "../lib/suggest.ts";
import { MSG } from "../lib/messages.ts";
import { resolveParams, type ParamOverride, type ParamValues } from "../lib/params/index.ts";
import type { DeviceModel } from "../block/index.ts";
import type { DeviceSpec } from "./device-spec.ts";
import { fusionIoDrive } from "./fusion-iodrive.ts";
import { nullDevice } from "./null.ts";
import { ramdisk } from "./ramdisk.ts";
import { sataHdd } from "./sata-hdd.ts";

export const DEVICE_KINDS = ["null", "ramdisk", "sata-hdd", "fusion-iodrive"] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_MODELS: Readonly<Record<DeviceKind, DeviceSpec>> = {
  null: nullDevice,
  ramdisk,
  "sata-hdd": sataHdd,
  "fusion-iodrive": fusionIoDrive,
};

export function isDeviceKind(name: string): name is DeviceKind {
  return (DEVICE_KINDS as readonly string[]).includes(name);
}

/** The registry entry for `name`; an InputError at `where` (with a suggestion) if there is none. */
export function deviceSpec(name: string, where = "--device"): DeviceSpec {
  if (isDeviceKind(name)) return DEVICE_MODELS[name];
  throw new InputError(where, MSG.unknownDevice(name, closestMatch(name, DEVICE_KINDS), DEVICE_KINDS));
}

/** A configured device: its kind, its resolved parameters and a fresh model instance. */
export interface ConfiguredDevice {
  readonly kind: DeviceKind;
  readonly params: ParamValues<DeviceSpec["params"]>;
  readonly model: DeviceModel;
}

/** Resolves `overrides` against the kind's table and builds an instance. */
export function createDevice(kind: DeviceKind, overrides: readonly ParamOverride[] = []): ConfiguredDevice {
  const spec = DEVICE_MODELS[kind];
  const params = resolveParams(spec.params, overrides, "device.");
  return { kind, params, model: spec.create(params) };
}

export { toIntegerNs, type DeviceSpec } from "./device-spec.ts";
