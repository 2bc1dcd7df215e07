// Whether an external program the tests can use (fio, jupyter-nbconvert) is installed here.
import { execFileSync } from "node:child_process";

export function hasCommand(command: string, args: readonly string[] = ["--version"]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
