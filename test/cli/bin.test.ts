// The installed command itself (bin/fsyncsim.js, compiled or through tsx), as a separate process: exit codes
// and streams are what a shell sees.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const bin = (args: string[]) => spawnSync(process.execPath, ["bin/fsyncsim.js", ...args], { encoding: "utf8" });

describe("bin/fsyncsim.js", () => {
  it("runs a job and exits 0", () => {
    const r = bin(["run", "--device", "null", "--set", "size=64k", "--format", "csv"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[1]).toMatch(/^btrfs,modified-extents,null,seed,16,15,/);
  });

  it("exits 2 with one line on stderr for bad input", () => {
    const r = bin(["run", "--device", "floppy"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
