// Reading a file the user named (a job file, an iolog): a file that cannot be read is bad input,
// reported at its path with the reason in words, not as a crash.
import { readFileSync } from "node:fs";
import { InputError } from "./input-error.ts";

/** The text of `path`; if it cannot be read, an InputError at `path` whose message is `message(reason)`. */
export function readInputText(path: string, message: (reason: string) => string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(error);
    throw new InputError(path, message(reason));
  }
}
