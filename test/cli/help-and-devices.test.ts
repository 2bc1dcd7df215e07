// --help, --version and `fsyncsim devices`.
import { describe, expect, it } from "vitest";
import { DEVICE_KINDS, DEVICE_MODELS } from "../../devices/index.ts";
import { VERSION } from "../../cli/main.ts";
import { cli } from "./harness.ts";

describe("help and version", () => {
  it("prints the version", async () => {
    const r = await cli(["--version"]);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("explains every command and every run option", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/run \[options\] +simulate a fio job file/);
    expect(top.stdout).toMatch(/devices \[options\] \[name\] +list the device models/);
    const run = await cli(["run", "--help"]);
    for (const flag of ["--job <file>", "--device <name>", "--fs <kind>", "--seed <n>", "--set <key=value>", "--format <format>", "--out <dir>"]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain("Examples:");
  });

  it("fails with usage on an unknown command or option", async () => {
    expect((await cli(["fly"])).code).toBe(2);
    const r = await cli(["run", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("fsyncsim: error: unknown option '--bogus'\n");
  });
});

describe("fsyncsim devices", () => {
  it("lists every model with each parameter's default, unit and source", async () => {
    const r = await cli(["devices"]);
    expect(r.code).toBe(0);
    for (const kind of DEVICE_KINDS) {
      expect(r.stdout).toContain(`${kind}: ${DEVICE_MODELS[kind].summary}`);
      for (const [name, p] of Object.entries(DEVICE_MODELS[kind].params)) {
        expect(r.stdout).toContain(`  ${name} = ${String(p.default)}`);
        expect(r.stdout).toContain(`Source: ${p.source}`);
      }
    }
    expect(r.stdout).toContain("rotationRpm = 7200 rpm");
  });

  it("gives one model's table as CSV or JSON", async () => {
    const csv = await cli(["devices", "fusion-iodrive", "--format", "csv"]);
    const rows = csv.stdout.trim().split("\n");
    expect(rows[0]).toBe("model,name,default,unit,min,max,choices,status,help,source,plausible");
    expect(rows).toHaveLength(1 + Object.keys(DEVICE_MODELS["fusion-iodrive"].params).length);
    expect(rows).toContainEqual(expect.stringMatching(/^fusion-iodrive,writeLatencyUs,15,µs,0,1000000,,secondary,/));
    const json = JSON.parse((await cli(["devices", "sata-hdd", "--format", "json"])).stdout);
    expect(json[0].params.seekAverageMs.default).toBe(8.5);
  });

  it("suggests a name for an unknown model", async () => {
    const r = await cli(["devices", "fusion"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown device 'fusion'/);
  });
});
