// Validates specs against the Vega-Lite JSON schema shipped with the pinned vega-lite (draft-07,
// which ajv 8 reads by default). allowUnionTypes admits the schema's `"type": [...]` unions; strict
// mode is off because the generated schema carries keywords strict mode rejects. The schema's
// three formats are declared here (ajv-formats is not a dependency).
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";

const schema = JSON.parse(readFileSync("node_modules/vega-lite/build/vega-lite-schema.json", "utf8")) as object;
const ajv = new Ajv({ allowUnionTypes: true, strict: false });
ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:\S*$/i);
ajv.addFormat("uri-reference", /^\S*$/);
ajv.addFormat("color-hex", /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i);
const validate = ajv.compile(schema);

/** The schema's complaints about a spec; empty when it is valid. */
export function vegaLiteSchemaErrors(spec: unknown): string[] {
  return validate(spec) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}
