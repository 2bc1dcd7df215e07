// fio's option and engine catalogue: the names fsyncsim's messages rely on are there, and the
// committed file is what tools/scripts/gen-fio-catalogue.ts makes from the installed fio today.
// Reference: `fio --cmdhelp=rw` ("alias: readwrite"), `fio --cmdhelp=bs` ("alias: blocksize"),
// `fio --enghelp=io_uring` (lists sqthread_poll), `fio --enghelp` (lists libaio), fio 3.33.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATALOGUE_PATH, findFio, generateFioCatalogue } from "../../../tools/scripts/gen-fio-catalogue.ts";
import { FIO_ENGINE_OPTIONS, FIO_ENGINES, FIO_OPTION_NAMES, FIO_VERSION } from "../../../workloads/fio/fio-catalogue.ts";

describe("fio catalogue", () => {
  it("maps aliases to fio's canonical names", () => {
    expect(FIO_OPTION_NAMES.get("readwrite")).toBe("rw");
    expect(FIO_OPTION_NAMES.get("blocksize")).toBe("bs");
    expect(FIO_OPTION_NAMES.get("wait_for_previous")).toBe("stonewall");
    expect(FIO_OPTION_NAMES.get("iodepth_batch_complete")).toBe("iodepth_batch_complete_min");
  });

  it("knows options fsyncsim does not simulate, including the ones `--cmdhelp=all` leaves out", () => {
    for (const name of ["verify", "stonewall", "group_reporting", "fsync", "rate_iops", "softrandommap", "bs_is_seq_rand"]) {
      expect(FIO_OPTION_NAMES.get(name), name).toBe(name);
    }
    expect(FIO_OPTION_NAMES.has("percentage_sequential")).toBe(false); // deprecated: fio 3.33 refuses it
  });

  it("lists fio's engines and the engines each engine option belongs to", () => {
    expect(FIO_VERSION).toBe("fio-3.33");
    for (const engine of ["libaio", "io_uring", "psync", "sync", "posixaio", "ftruncate", "null"]) expect(FIO_ENGINES).toContain(engine);
    expect(FIO_ENGINES).not.toContain("http"); // named by an example, not loadable by fio 3.33
    expect(FIO_ENGINE_OPTIONS.get("sqthread_poll")).toEqual(["io_uring", "io_uring_cmd"]);
    expect(FIO_ENGINE_OPTIONS.get("userspace_reap")).toEqual(["libaio"]);
    expect(FIO_ENGINE_OPTIONS.has("bs")).toBe(false);
  });

  it("keeps engine options in the option map, naming only known engines", () => {
    for (const [option, engines] of FIO_ENGINE_OPTIONS) {
      expect(FIO_OPTION_NAMES.has(option), option).toBe(true);
      for (const e of engines) expect(FIO_ENGINES, `${option}: ${e}`).toContain(e);
    }
    expect(FIO_OPTION_NAMES.get("proto")).toBe("proto"); // protocol on net/netsplice, verb on rdma
  });

  const fio = findFio();
  it.skipIf(fio === undefined)(
    `equals what tools/scripts/gen-fio-catalogue.ts generates from the installed fio${fio === undefined ? " (skipped: fio is not on PATH)" : ""}`,
    async () => {
      expect(await generateFioCatalogue(fio as string)).toBe(readFileSync(CATALOGUE_PATH, "utf8"));
    },
    120_000,
  );
});
