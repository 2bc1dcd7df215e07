#!/usr/bin/env node
// The fsyncsim command: runs the compiled CLI from dist/ when that build is current, else loads the
// TypeScript sources through tsx (bin/entry.js decides), with V8 tuned for it (bin/v8-tuning.js),
// and exits with the CLI's status.
import { fileURLToPath } from "node:url";
import { compiledIsFresh } from "./entry.js";
import { tuneV8 } from "./v8-tuning.js";

tuneV8();
const root = fileURLToPath(new URL("..", import.meta.url));
const cli = compiledIsFresh(root)
  ? await import("../dist/cli/main.js")
  : await (await import("tsx/esm/api")).tsImport("../cli/main.ts", import.meta.url);
process.exitCode = await cli.main(process.argv.slice(2));
