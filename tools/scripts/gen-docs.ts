// Regenerates the generated parts of docs/ (npm run docs).
import { renderParameterDocs } from "../../cli/format/parameter-docs.ts";
import { writeFilesAtomically } from "../../cli/atomic-write.ts";

const written = writeFilesAtomically("docs", [{ name: "parameters.md", content: renderParameterDocs() }]);
process.stdout.write(`wrote ${written.join(", ")}\n`);
