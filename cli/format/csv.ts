// CSV output through csv-stringify: a header row, then one row per record, columns in a fixed order.
import { stringify } from "csv-stringify/sync";

export function toCsv<C extends string>(columns: readonly C[], rows: ReadonlyArray<Readonly<Record<C, string>>>): string {
  return stringify(rows as Array<Record<C, string>>, { header: true, columns: columns.map((key) => ({ key, header: key })) });
}
