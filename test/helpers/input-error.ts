// The InputError a call throws, for tests that check refusals (their file, line and message).
import { InputError } from "../../lib/index.ts";

export function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}
