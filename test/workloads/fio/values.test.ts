// fio's integer grammar (HOWTO "Parameter types"; parse.c __get_mult_bytes).
import { describe, expect, it } from "vitest";
import { parseFioBool, parseFioInteger } from "../../../workloads/fio/values.ts";
import { InputError } from "../../../lib/index.ts";

describe("parseFioInteger", () => {
  it("reads k/m/g/t/p (and kb/mb/...) as powers of 1024 by default", () => {
    expect(parseFioInteger("bs", "4k", 1024, "x")).toBe(4096);
    expect(parseFioInteger("size", "50m", 1024, "x")).toBe(50 * 2 ** 20);
    expect(parseFioInteger("size", "50MB", 1024, "x")).toBe(50 * 2 ** 20);
    expect(parseFioInteger("size", "2g", 1024, "x")).toBe(2 * 2 ** 30);
    expect(parseFioInteger("size", "1t", 1024, "x")).toBe(2 ** 40);
    expect(parseFioInteger("size", "512", 1024, "x")).toBe(512);
    expect(parseFioInteger("size", "512b", 1024, "x")).toBe(512);
    expect(parseFioInteger("size", "0x1000", 1024, "x")).toBe(4096);
  });

  it("reads the IEC spellings as powers of 1000 under kb_base=1024 (fio's compatibility quirk)", () => {
    expect(parseFioInteger("size", "4kib", 1024, "x")).toBe(4000);
    expect(parseFioInteger("size", "1MiB", 1024, "x")).toBe(1_000_000);
  });

  it("flips both under kb_base=1000", () => {
    expect(parseFioInteger("size", "4k", 1000, "x")).toBe(4000);
    expect(parseFioInteger("size", "4kib", 1000, "x")).toBe(4096);
  });

  it("refuses unknown suffixes, negatives, fractions and garbage, naming the option", () => {
    expect(() => parseFioInteger("size", "4x", 1024, "job.fio:3")).toThrow(/option 'size': '4x' has an unknown size suffix/);
    expect(() => parseFioInteger("size", "-4k", 1024, "job.fio:3")).toThrow(/negative/);
    expect(() => parseFioInteger("bs", "1.5k", 1024, "job.fio:3")).toThrow(/not a whole number/);
    expect(() => parseFioInteger("bs", "", 1024, "job.fio:3")).toThrow(InputError);
    expect(() => parseFioInteger("size", "99999999p", 1024, "x")).toThrow(/too large/);
  });
});

describe("parseFioBool", () => {
  it("takes 1, 0 and a bare key (= 1)", () => {
    expect(parseFioBool("norandommap", undefined, "x")).toBe(true);
    expect(parseFioBool("norandommap", "1", "x")).toBe(true);
    expect(parseFioBool("norandommap", "0", "x")).toBe(false);
    expect(() => parseFioBool("norandommap", "yes", "x")).toThrow(/not a bool/);
  });
});
