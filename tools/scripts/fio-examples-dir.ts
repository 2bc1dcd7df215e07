// Where fio's own example job files are: ../shared/fio-examples beside the checkout, or beside any
// directory above it (for clones made elsewhere), else the workplace's /work/shared/fio-examples.
// Read by the fio option catalogue generator and by the test that runs every example.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { PACKAGE_ROOT } from "../../lib/package-root.ts";

const WORKPLACE_EXAMPLES = "/work/shared/fio-examples";

/** The directory of fio's example job files, or undefined where there is none. */
export function fioExamplesDir(): string | undefined {
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, "..", "shared", "fio-examples");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return existsSync(WORKPLACE_EXAMPLES) ? WORKPLACE_EXAMPLES : undefined;
  }
}
