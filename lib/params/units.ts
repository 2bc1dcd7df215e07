// Units are spelled in parameter names (style guide P5: `seekAverageMs`, `rotationRpm`); this file
// maps a name's suffix to the unit shown to people, so a table entry cannot state a unit its name
// contradicts.

/** Known suffixes, longest first so that `BytesPerS` wins over `S`. */
const UNIT_SUFFIXES: ReadonlyArray<readonly [suffix: string, unit: string]> = [
  ["BytesPerS", "B/s"],
  ["Bytes", "B"],
  ["Sectors", "sectors"],
  ["Rpm", "rpm"],
  ["Hz", "Hz"],
  ["Ns", "ns"],
  ["Us", "µs"],
  ["Ms", "ms"],
  ["S", "s"],
  ["Count", "count"],
  ["Ratio", "ratio"],
  ["Pct", "%"],
];

/** The display unit of a number parameter, from its name's suffix; undefined if it has none. */
export function unitOfParamName(name: string): string | undefined {
  for (const [suffix, unit] of UNIT_SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return unit;
  }
  return undefined;
}
