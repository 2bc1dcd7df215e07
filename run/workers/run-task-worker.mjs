// Worker-thread entry for piscina: loads the TypeScript task through tsx (workers do not inherit
// the main thread's loader) and exports it as the default.
import { tsImport } from "tsx/esm/api";

const mod = await tsImport("./run-task.ts", import.meta.url);
export default mod.default;
