// Text from job files cannot become markup or script in the report.
import { describe, expect, it } from "vitest";
import { escapeHtml, jsonForScript } from "../../report/index.ts";

describe("report escaping", () => {
  it("escapes the five HTML metacharacters", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("keeps JSON parseable while no '<' can close the script element", () => {
    const value = { name: "</script><script>alert(1)</script>", note: "<!-- x -->" };
    const text = jsonForScript(value);
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual(value);
  });
});
