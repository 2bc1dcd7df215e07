// `fsyncsim report --out DIR`: the HTML report of a reproduction, with its charts. With --from DIR it
// redraws them from a reproduction's files (reproduce --out), without simulating; otherwise it runs
// the reproduction (as `reproduce --out DIR`).
import { writeFilesAtomically } from "../atomic-write.ts";
import type { CliIo } from "../io.ts";
import { chartAndReportFiles } from "../reproduce-outputs.ts";
import { readReproduction } from "../reproduction-files.ts";
import { reproduceCommand, type ReproduceCommandOptions } from "./reproduce.ts";

export interface ReportOptions extends Omit<ReproduceCommandOptions, "format" | "out"> {
  readonly out: string;
  readonly from: string | undefined;
}

export async function reportCommand(io: CliIo, options: ReportOptions, version: string): Promise<void> {
  if (options.from === undefined) {
    await reproduceCommand({ ...io, stdout: { write: () => undefined, isTTY: false } }, { ...options, format: "table", out: options.out }, version);
  } else {
    writeFilesAtomically(options.out, await chartAndReportFiles(readReproduction(options.from)));
  }
  io.stdout.write(`fsyncsim: wrote ${options.out}/report.html\n`);
}
