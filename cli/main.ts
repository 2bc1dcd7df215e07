// Entry point of the fsyncsim CLI. Exit status: 0 success, 2 bad input or usage (one line on
// stderr naming where and what), 1 an internal error or a failed check (crash-check's violations).
import { CommanderError } from "commander";
import { InputError } from "../lib/index.ts";
import packageJson from "../package.json" with { type: "json" };
import { processIo, type CliIo } from "./io.ts";
import { buildProgram } from "./program.ts";

export const VERSION: string = packageJson.version;

/** Runs the CLI with `argv` (arguments after the program name); resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const status = { exitCode: 0 };
  const program = buildProgram(io, VERSION, status);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return status.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof InputError) {
      io.stderr.write(`fsyncsim: error: ${error.line}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`fsyncsim: internal error: ${message}\n`);
    if (process.env.FSYNCSIM_DEBUG !== undefined && error instanceof Error) io.stderr.write(`${error.stack ?? ""}\n`);
    else io.stderr.write("fsyncsim: (set FSYNCSIM_DEBUG=1 to see the stack trace)\n");
    return 1;
  }
}
