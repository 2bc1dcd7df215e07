// The device plug point: a device model kind as the registry (index.ts) holds it, one file per kind
// under devices/, and the helpers the models share. What an instance must do is the block layer's
// DeviceModel interface (block/device.ts).
import { SECTOR_BYTES, type DeviceModel } from "../block/index.ts";
import type { ParamTable, ParamValues } from "../lib/index.ts";

/** A device model kind: its parameter table, its name for readers, and a factory. */
export interface DeviceSpec<T extends ParamTable = ParamTable> {
  /** Registry name, e.g. "sata-hdd". */
  readonly name: string;
  /** Its name for readers, in charts and reports ("SATA disk"). */
  readonly label: string;
  /** One line describing what is modelled. */
  readonly summary: string;
  readonly params: T;
  /** Builds a fresh instance; method syntax so specs of any table fit the registry. */
  create(values: ParamValues<T>): DeviceModel;
}

/** `bytes` rounded down to whole sectors (a device's addressable capacity). */
export function sectorAligned(bytes: number): number {
  return bytes - (bytes % SECTOR_BYTES);
}

/** Rounds a duration computed in floating point to the simulator's integer nanoseconds. */
export function toIntegerNs(ns: number): number {
  return Math.round(ns);
}
