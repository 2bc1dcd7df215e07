// `fsyncsim devices [name]`: each device model with its parameters, units, defaults, bounds and
// sources, straight from the models' tables.
import { DEVICE_KINDS, DEVICE_MODELS, deviceSpec, type DeviceKind } from "../../devices/index.ts";
import { toCsv } from "../format/csv.ts";
import { PARAM_COLUMNS, paramListing, paramRows, statusLegend } from "../format/param-list.ts";
import { toJson } from "../format/run-json.ts";
import type { CliIo } from "../io.ts";

export interface DevicesOptions {
  readonly format: "table" | "csv" | "json";
}

export function devicesCommand(io: CliIo, name: string | undefined, options: DevicesOptions): void {
  const kinds: readonly DeviceKind[] = name === undefined ? DEVICE_KINDS : [deviceSpec(name).name as DeviceKind];
  if (options.format === "json") {
    io.stdout.write(toJson(kinds.map((k) => ({ name: k, summary: DEVICE_MODELS[k].summary, params: DEVICE_MODELS[k].params }))));
    return;
  }
  if (options.format === "csv") {
    io.stdout.write(toCsv(PARAM_COLUMNS, kinds.flatMap((k) => paramRows(k, DEVICE_MODELS[k].params))));
    return;
  }
  const blocks = kinds.map((k) => `${k}: ${DEVICE_MODELS[k].summary}\n${paramListing(DEVICE_MODELS[k].params)}`);
  io.stdout.write(`${blocks.join("\n\n")}\n\nOverride any parameter with --set device.NAME=VALUE.\nSource status:\n${statusLegend()}\n`);
}
