// How fio's options combine into a typed job: rwmix, block sizes, time values, rates, direct and
// buffered, filesize, and the options that are accepted but change nothing (with a warning).
import { describe, expect, it } from "vitest";
import { MSG } from "../../../lib/index.ts";
import { resolveJobs } from "../../../workloads/index.ts";
import { errorOf } from "../../helpers/input-error.ts";

const one = (text: string) => resolveJobs(text, "t.fio").jobs[0]!;

describe("typed jobs", () => {
  it("reads rwmixread, or 100 - rwmixwrite, and refuses a pair that does not add up", () => {
    expect(one("[j]\nrw=randrw\nsize=1m\n").rwmixreadPct).toBe(50);
    expect(one("[j]\nrw=randrw\nsize=1m\nrwmixread=70\n").rwmixreadPct).toBe(70);
    expect(one("[j]\nrw=randrw\nsize=1m\nrwmixwrite=70\n").rwmixreadPct).toBe(30);
    expect(errorOf(() => one("[j]\nrw=randrw\nsize=1m\nrwmixread=70\nrwmixwrite=70\n")).message).toBe(MSG.fioRwmixSum(70, 70));
    expect(one("[j]\nreadwrite=readwrite\nsize=1m\n").rw).toBe("rw");
  });

  it("takes bssplit over bsrange over bs", () => {
    expect(one("[j]\nrw=write\nsize=1m\nbs=8k\nbsrange=4k-16k\n").bs.write).toEqual({ kind: "range", minBytes: 4096, maxBytes: 16384 });
    expect(one("[j]\nrw=write\nsize=1m\nbsrange=4k-16k\nbssplit=4k/100\n").bs.write.kind).toBe("split");
    expect(one("[j]\nrw=write\nsize=1m\nbs=4k,8k\n").bs).toEqual({ read: { kind: "fixed", bytes: 4096 }, write: { kind: "fixed", bytes: 8192 } });
  });

  it("reads fio time values: seconds for runtime and startdelay, microseconds for thinktime, with suffixes", () => {
    const j = one("[j]\nrw=write\nsize=1m\nruntime=2\nstartdelay=500ms\nthinktime=250\n");
    expect(j.runtimeNs).toBe(2e9);
    expect(j.startdelayNs).toBe(5e8);
    expect(j.thinktimeNs).toBe(250e3);
    expect(one("[j]\nrw=write\nsize=1m\ntimeout=1m\n").runtimeNs).toBe(60e9);
    expect(errorOf(() => one("[j]\nrw=write\nsize=1m\nruntime=2 fortnights\n")).line).toBe(`t.fio:4: ${MSG.fioBadTime("runtime", "2 fortnights")}`);
  });

  it("reads rate_iops for both directions or each apart", () => {
    expect(one("[j]\nrw=randrw\nsize=1m\nrate_iops=100\n").rateIops).toEqual({ read: 100, write: 100 });
    expect(one("[j]\nrw=randrw\nsize=1m\nrate_iops=,50\n").rateIops).toEqual({ read: undefined, write: 50 });
  });

  it("is O_DIRECT with direct=1 or buffered=0", () => {
    expect(one("[j]\nrw=write\nsize=1m\ndirect=1\n").direct).toBe(true);
    expect(one("[j]\nrw=write\nsize=1m\nbuffered=0\n").direct).toBe(true);
    expect(one("[j]\nrw=write\nsize=1m\n").direct).toBe(false);
  });

  it("derives size from filesize x nrfiles when only filesize is given", () => {
    const j = one("[j]\nrw=write\nfilesize=2m\nnrfiles=3\n");
    expect(j.sizeBytes).toBe(6 * 2 ** 20);
    expect(j.filesizeBytes).toEqual({ min: 2 * 2 ** 20, max: 2 * 2 ** 20 });
    expect(one("[j]\nrw=write\nsize=4m\nfilesize=1m-2m\n").filesizeBytes).toEqual({ min: 2 ** 20, max: 2 * 2 ** 20 });
  });

  it("warns about accepted options that change nothing", () => {
    expect(resolveJobs("[j]\nrw=write\nsize=1m\nthread\n", "t.fio").warnings).toContain(MSG.fioNoEffect("thread", "threads and processes are the same to the simulator"));
  });

  it("refuses reads with the ftruncate engine", () => {
    expect(errorOf(() => one("[j]\nrw=randrw\nsize=1m\nioengine=ftruncate\n")).message).toBe(MSG.fioFtruncateReads("j", "randrw"));
  });
});
