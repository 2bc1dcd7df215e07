#!/usr/bin/env node
// The fsyncsim command: loads the TypeScript CLI through tsx (no build step) and runs it.
import { tsImport } from "tsx/esm/api";

const cli = await tsImport("../cli/main.ts", import.meta.url);
process.exitCode = await cli.main(process.argv.slice(2));
