// Regenerates the generated parts of docs/ (npm run docs).
import { renderDeviceDocs } from "../cli/format/device-docs.ts";
import { writeFilesAtomically } from "../cli/atomic-write.ts";

const written = writeFilesAtomically("docs", [{ name: "devices.md", content: renderDeviceDocs() }]);
process.stdout.write(`wrote ${written.join(", ")}\n`);
