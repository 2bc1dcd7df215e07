// Text from job files (names, descriptions, option values) and from anywhere else goes into the
// report page only through these: HTML-escaped in markup, and JSON made safe inside a <script>
// element (no "</" or "<!--" can end or confuse the element), so a job file cannot inject markup
// or script into the page.

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` safe as HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** `value` as JSON safe inside <script type="application/json">: every "<" is written \u003c. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
