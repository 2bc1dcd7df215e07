// Runs the CLI in-process with captured output.
import { main } from "../../cli/main.ts";
import type { CliIo } from "../../cli/io.ts";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    cwd,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
