// Typed parameter tables and their resolution from user overrides.
export {
  SOURCE_STATUS,
  hasParam,
  paramDefaults,
  type BooleanParamSpec,
  type ChoiceParamSpec,
  type NumberParamSpec,
  type NumberUncertainty,
  type ValuesUncertainty,
  type ParamSpec,
  type ParamTable,
  type ParamValue,
  type ParamValues,
  type SourceStatus,
} from "./param-table.ts";
export { parseParamValue, resolveParams, type ParamOverride } from "./resolve.ts";
export { unitOfParamName } from "./units.ts";
