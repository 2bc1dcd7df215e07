// Planning jobs into processes and files as fio does: numjobs clones with their own files, or one
// shared file with filename=; nrfiles; offsets; stonewall phases and reporting groups; seeds.
import { describe, expect, it } from "vitest";
import { planJobs, resolveJobs } from "../../workloads/index.ts";

const plan = (text: string, seed = 1) => planJobs(resolveJobs(text, "t.fio").jobs, seed);

describe("planJobs", () => {
  it("gives each clone its own file named <job>.<clone>.<file>, laid out to its share of size", () => {
    const p = plan("[w]\nrw=randwrite\nsize=8m\nnumjobs=3\nnrfiles=2\n");
    expect(p.processes.map((x) => x.threadNumber)).toEqual([1, 2, 3]);
    expect(p.files.map((f) => f.name)).toEqual(["w.0.0", "w.0.1", "w.1.0", "w.1.1", "w.2.0", "w.2.1"]);
    expect(p.files.every((f) => f.sizeBytes === 4 * 2 ** 20 && f.fallocate === "native" && !f.fill)).toBe(true);
    expect(p.processes[1]!.files.map((f) => f.file)).toEqual([2, 3]);
  });

  it("shares filename= between clones and between jobs, laid out once to the largest size", () => {
    const p = plan("[a]\nrw=write\nsize=1m\nfilename=shared\nnumjobs=2\n[b]\nrw=randread\nsize=2m\nfilename=shared\n");
    expect(p.files).toHaveLength(1);
    expect(p.files[0]).toMatchObject({ name: "shared", sizeBytes: 2 * 2 ** 20, fill: true });
    expect(p.processes.map((x) => x.files[0]!.file)).toEqual([0, 0, 0]);
  });

  it("lays out a file in full before a job that reads it, or with overwrite=1", () => {
    expect(plan("[r]\nrw=read\nsize=1m\n").files[0]!.fill).toBe(true);
    expect(plan("[w]\nrw=write\nsize=1m\noverwrite=1\n").files[0]!.fill).toBe(true);
    expect(plan("[w]\nrw=write\nsize=1m\n").files[0]!.fill).toBe(false);
  });

  it("starts I/O at offset (bytes, or a percentage of the file), extending the file past it", () => {
    expect(plan("[w]\nrw=write\nsize=1m\noffset=256k\n").processes[0]!.files[0]).toMatchObject({ regionStartBytes: 256 * 1024, regionBytes: 2 ** 20 });
    expect(plan("[w]\nrw=write\nsize=1m\noffset=256k\n").files[0]!.sizeBytes).toBe(1280 * 1024);
    expect(plan("[w]\nrw=write\nsize=1m\noffset=25%\n").processes[0]!.files[0]).toMatchObject({ regionStartBytes: 256 * 1024, regionBytes: 768 * 1024 });
  });

  it("puts jobs after a stonewall in a later phase and a new group; new_group only starts a group", () => {
    const p = plan("[global]\nrw=write\nsize=1m\n[a]\n[b]\nstonewall\n[c]\nnew_group\n[d]\n");
    expect(p.processes.map((x) => [x.job.name, x.phase, x.groupId])).toEqual([["a", 0, 0], ["b", 1, 1], ["c", 1, 2], ["d", 1, 2]]);
  });

  it("seeds thread 1 with the run's seed as given and the other threads apart", () => {
    const p = plan("[w]\nrw=randwrite\nsize=1m\nnumjobs=3\n", 7);
    expect(p.processes.map((x) => x.seed)).toEqual(["7", "7:2", "7:3"]);
    expect(plan("[w]\nrw=randwrite\nsize=1m\nrandseed=9\n", 7).processes[0]!.seed).toBe("9");
  });
});
