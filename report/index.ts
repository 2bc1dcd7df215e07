// The HTML report: the page, its escaping, the parameters it lists and the vendor scripts it loads.
export { escapeHtml, jsonForScript } from "./escape.ts";
export { reportPage, type ReportCell, type ReportChart, type ReportDocument, type ReportParameter, type ReportSpeedup } from "./page.ts";
export { parameterGroups, type ParameterSource } from "./parameters.ts";
export { VENDOR_SCRIPTS, vendorFiles } from "./vendor.ts";
