// fio iologs, versions 2 and 3: real fio 3.33 recordings (workloads/iologs/README.md says how each
// was made), hand-written v2 wait lines and v3 timestamps, and refusals that name the line.
// Reference: fio iolog.c read_iolog / init_iolog_read, HOWTO "Trace file format".
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { IoOp } from "../../../workloads/ops.ts";
import { IOLOG_MSG } from "../../../workloads/iolog/messages.ts";
import { parseIolog, readIolog } from "../../../workloads/iolog/parse.ts";
import { errorOf } from "../../helpers/input-error.ts";

const SEED_LOG = "workloads/iologs/seed-fio-3.33.iolog";
const FIXTURES = "test/fixtures/iolog";
const MiB = 2 ** 20;

const count = (ops: readonly IoOp[], kind: IoOp["kind"], file?: number): number =>
  ops.filter((op) => op.kind === kind && (file === undefined || ("file" in op && op.file === file))).length;
const withoutAtNs = (op: IoOp): IoOp => {
  const { atNs: _, ...rest } = op;
  return rest as IoOp;
};

describe("real fio 3.33 recordings", () => {
  it("reads the seed job's log: 12,800 writes, one per 4 KiB block of 50 MiB, and 12,799 fsyncs", () => {
    const trace = readIolog(SEED_LOG);
    expect(trace.file).toBe(SEED_LOG);
    expect(trace.version).toBe(3);
    expect(trace.files).toEqual([{ name: "seed.0.0", extentBytes: 50 * MiB }]);
    expect(trace.ops).toHaveLength(25_601);
    expect(trace.ops[0]).toEqual({ kind: "open", file: 0, atNs: (186 - 26) * 1_000 });
    expect(trace.ops.at(-1)).toEqual({ kind: "close", file: 0, atNs: (2_534_164 - 26) * 1_000 });

    const writes = trace.ops.filter((op): op is Extract<IoOp, { kind: "read" | "write" }> => op.kind === "write");
    expect(writes).toHaveLength(12_800);
    expect(writes.every((w) => w.lengthBytes === 4096 && w.offsetBytes % 4096 === 0 && w.file === 0)).toBe(true);
    const blocks = new Set(writes.map((w) => w.offsetBytes / 4096));
    expect(blocks.size).toBe(12_800);
    expect(Math.min(...blocks)).toBe(0);
    expect(Math.max(...blocks)).toBe(12_799);
    expect(writes[0]).toMatchObject({ offsetBytes: 3_162_112 });

    expect(count(trace.ops, "fsync")).toBe(12_799);
    expect(count(trace.ops, "fdatasync")).toBe(0);
    // Each write but the last is followed at once by its fsync.
    const kinds = trace.ops.map((op) => op.kind).join(" ");
    expect(kinds).toBe(["open", ...Array<string>(12_799).fill("write fsync"), "write", "close"].join(" "));
    expect(trace.ops.every((op, i) => i === 0 || (op.atNs as number) >= (trace.ops[i - 1]?.atNs as number))).toBe(true);
  });

  it("parses the 25,603-line seed log in well under a second", () => {
    const text = readFileSync(SEED_LOG, "utf8");
    expect(text.split("\n").filter((l) => l !== "")).toHaveLength(25_603);
    const start = performance.now();
    parseIolog(text, SEED_LOG);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it("reads a mixed randrw job with fdatasync=4: reads, writes, datasyncs, timestamps in microseconds", () => {
    const trace = readIolog(`${FIXTURES}/randrw-fdatasync4.v3.iolog`);
    expect(trace.version).toBe(3);
    expect(trace.files).toEqual([{ name: "randrw.0.0", extentBytes: 256 * 1024 }]);
    expect(trace.ops).toHaveLength(84);
    expect(count(trace.ops, "read")).toBe(29);
    expect(count(trace.ops, "write")).toBe(35);
    expect(count(trace.ops, "fdatasync")).toBe(18);
    expect(count(trace.ops, "fsync")).toBe(0);
    // Line 4 "168 randrw.0.0 read 12288 4096", the first entry at 28 us.
    expect(trace.ops[1]).toEqual({ kind: "read", file: 0, offsetBytes: 12_288, lengthBytes: 4096, atNs: 140_000 });
    expect(trace.ops.at(-1)).toEqual({ kind: "close", file: 0, atNs: (3786 - 28) * 1_000 });
  });

  it("reads the version 2 form of the same log to the same operations, without times", () => {
    const v2 = readIolog(`${FIXTURES}/randrw-fdatasync4.v2.iolog`);
    const v3 = readIolog(`${FIXTURES}/randrw-fdatasync4.v3.iolog`);
    expect(v2.version).toBe(2);
    expect(v2.files).toEqual(v3.files);
    expect(v2.ops.some((op) => "atNs" in op)).toBe(false);
    expect(v2.ops).toEqual(v3.ops.map(withoutAtNs));
  });

  it("numbers two files in the order the log adds them", () => {
    const trace = readIolog(`${FIXTURES}/twofiles-randrw.v3.iolog`);
    expect(trace.files).toEqual([
      { name: "twofiles.0.0", extentBytes: 128 * 1024 },
      { name: "twofiles.0.1", extentBytes: 128 * 1024 },
    ]);
    expect(trace.ops.slice(0, 4)).toEqual([
      { kind: "open", file: 0, atNs: 104_000 },
      { kind: "read", file: 0, offsetBytes: 4096, lengthBytes: 4096, atNs: 110_000 },
      { kind: "open", file: 1, atNs: 780_000 },
      { kind: "read", file: 1, offsetBytes: 94_208, lengthBytes: 4096, atNs: 782_000 },
    ]);
    expect([count(trace.ops, "read", 0), count(trace.ops, "write", 0), count(trace.ops, "fdatasync", 0)]).toEqual([14, 18, 3]);
    expect([count(trace.ops, "read", 1), count(trace.ops, "write", 1), count(trace.ops, "fdatasync", 1)]).toEqual([15, 17, 13]);
    expect(trace.ops.at(-1)).toEqual({ kind: "close", file: 1, atNs: (4036 - 16) * 1_000 });
  });
});

describe("hand-written logs", () => {
  it("reads a v2 wait as 'sleep until OFFSET ms after the start', whatever file it names", () => {
    const text = "fio version 2 iolog\nf add\nf open\nf write 0 4096\nnot-added wait 1500 0\nf write 4096 4096\nf close\n";
    const trace = parseIolog(text, "w.log");
    expect(trace.ops).toEqual([
      { kind: "open", file: 0 },
      { kind: "write", file: 0, offsetBytes: 0, lengthBytes: 4096 },
      { kind: "wait", durationNs: 0, atNs: 1_500_000_000 },
      { kind: "write", file: 0, offsetBytes: 4096, lengthBytes: 4096 },
      { kind: "close", file: 0 },
    ]);
    expect(trace.files).toEqual([{ name: "f", extentBytes: 8192 }]);
  });

  it("turns v3 timestamps (microseconds) into atNs from the first line's, and maps sync and datasync", () => {
    const text = "fio version 3 iolog\n100 f add\n250 f open\n1250 f write 0 4096\n1300 f sync 0 0\n2100 f datasync 0 0\n2500 f close\n";
    expect(parseIolog(text, "t.log").ops).toEqual([
      { kind: "open", file: 0, atNs: 150_000 },
      { kind: "write", file: 0, offsetBytes: 0, lengthBytes: 4096, atNs: 1_150_000 },
      { kind: "fsync", file: 0, atNs: 1_200_000 },
      { kind: "fdatasync", file: 0, atNs: 2_000_000 },
      { kind: "close", file: 0, atNs: 2_400_000 },
    ]);
  });

  it("keeps open and close as operations and lets a closed file be opened again", () => {
    const text = "fio version 2 iolog\nf add\nf open\nf read 8192 512\nf close\nf open\nf write 0 100\nf close\n";
    const trace = parseIolog(text, "o.log");
    expect(trace.ops.map((op) => op.kind)).toEqual(["open", "read", "close", "open", "write", "close"]);
    expect(trace.files).toEqual([{ name: "f", extentBytes: 8704 }]);
  });

  it("indexes files by their add lines, not by first use", () => {
    const text = [
      "fio version 2 iolog", "a add", "b add", "b open", "a open",
      "b write 0 4096", "a write 65536 4096", "a sync 0 0", "b datasync 0 0", "a close", "b close",
    ].join("\n");
    const trace = parseIolog(text, "two.log");
    expect(trace.files).toEqual([{ name: "a", extentBytes: 69_632 }, { name: "b", extentBytes: 4096 }]);
    expect(trace.ops).toEqual([
      { kind: "open", file: 1 },
      { kind: "open", file: 0 },
      { kind: "write", file: 1, offsetBytes: 0, lengthBytes: 4096 },
      { kind: "write", file: 0, offsetBytes: 65_536, lengthBytes: 4096 },
      { kind: "fsync", file: 0 },
      { kind: "fdatasync", file: 1 },
      { kind: "close", file: 0 },
      { kind: "close", file: 1 },
    ]);
  });

  it("ignores blank lines, tabs, extra spaces and CRLF line ends", () => {
    const text = "fio version 2 iolog\r\n\r\nf\tadd\r\n  f   open  \r\n\n\t\nf write 0 4096\r\n";
    expect(parseIolog(text, "ws.log").ops).toEqual([
      { kind: "open", file: 0 },
      { kind: "write", file: 0, offsetBytes: 0, lengthBytes: 4096 },
    ]);
  });

  it("holds offsets exactly up to 2^53 - 1 and refuses any beyond", () => {
    const log = (line: string) => `fio version 2 iolog\nf add\nf open\n${line}\n`;
    const top = Number.MAX_SAFE_INTEGER; // 9007199254740991
    const trace = parseIolog(log(`f write ${top - 4096} 4096`), "big.log");
    expect(trace.ops[1]).toEqual({ kind: "write", file: 0, offsetBytes: 9_007_199_254_736_895, lengthBytes: 4096 });
    expect(trace.files[0]?.extentBytes).toBe(top);
    expect(errorOf(() => parseIolog(log("f write 9007199254740992 1"), "big.log")).message).toBe(
      IOLOG_MSG.tooLarge("offset", "9007199254740992", top),
    );
    expect(errorOf(() => parseIolog(log(`f write ${top - 4095} 4096`), "big.log")).message).toBe(
      IOLOG_MSG.pastSafeEnd(top - 4095, 4096),
    );
    expect(parseIolog(log("f write 0004096 00512"), "z.log").ops[1]).toMatchObject({ offsetBytes: 4096, lengthBytes: 512 });
  });
});

describe("bad iologs are refused at the line", () => {
  const V2 = "fio version 2 iolog\nf add\nf open\n";
  const V3 = "fio version 3 iolog\n1 f add\n2 f open\n";
  const cases: readonly (readonly [string, string, number, string])[] = [
    ["an empty file", "", 1, IOLOG_MSG.noHeader()],
    ["a blank first line", "\nfio version 2 iolog\nf add\n", 1, IOLOG_MSG.noHeader()],
    ["a version 1 log", "1,0,4096\n1,4096,4096\n", 1, IOLOG_MSG.version1()],
    ["an unknown version", "fio version 4 iolog\nf add\n", 1, IOLOG_MSG.badHeader("fio version 4 iolog")],
    ["a log without a header", "f add\nf open\n", 1, IOLOG_MSG.badHeader("f add")],
    ["a v2 line of 3 fields", `${V2}f write 0\n`, 4, IOLOG_MSG.fieldCount(2, 3)],
    ["a v2 line of 5 fields", `${V2}f write 0 4096 junk\n`, 4, IOLOG_MSG.fieldCount(2, 5)],
    ["a v3 line without its timestamp", `${V3}f write 0 4096\n`, 4, IOLOG_MSG.fieldCount(3, 4)],
    ["an unknown action", `${V2}f unlink\n`, 4, IOLOG_MSG.unknownAction(2, "unlink")],
    ["an unknown I/O action", `${V2}f append 0 4096\n`, 4, IOLOG_MSG.unknownAction(2, "append")],
    ["a sync without offset and length", `${V2}f sync\n`, 4, IOLOG_MSG.ioActionWithoutRange(2, "sync")],
    ["an open with offset and length", `fio version 2 iolog\nf add\nf open 0 0\n`, 3, IOLOG_MSG.fileActionWithRange(2, "open")],
    ["a wait in version 3", `${V3}3 f wait 100 0\n`, 4, IOLOG_MSG.waitInVersion3()],
    ["a negative offset", `${V2}f write -4096 4096\n`, 4, IOLOG_MSG.notCount("offset", "-4096")],
    ["a fractional length", `${V2}f write 0 4096.5\n`, 4, IOLOG_MSG.notCount("length", "4096.5")],
    ["a hex offset", `${V2}f read 0x1000 4096\n`, 4, IOLOG_MSG.notCount("offset", "0x1000")],
    ["a length past fio's 32 bits", `${V2}f write 0 4294967296\n`, 4, IOLOG_MSG.tooLarge("length", "4294967296", 4_294_967_295)],
    ["a write of 0 bytes", `${V2}f write 0 0\n`, 4, IOLOG_MSG.zeroLength("write")],
    ["a bad sync offset", `${V2}f sync x 0\n`, 4, IOLOG_MSG.notCount("offset", "x")],
    ["a bad wait time", `${V2}f wait 1.5 0\n`, 4, IOLOG_MSG.notCount("wait time (ms)", "1.5")],
    ["a bad timestamp", `${V3}2.5 f write 0 4096\n`, 4, IOLOG_MSG.notCount("timestamp (us)", "2.5")],
    ["I/O on a file never added", `${V2}f write 0 4096\ng write 0 4096\n`, 5, IOLOG_MSG.notAdded("g", "write")],
    ["an open of a file never added", `${V2}g open\n`, 4, IOLOG_MSG.notAdded("g", "open")],
    ["a sync of a file never added", `${V2}g datasync 0 0\n`, 4, IOLOG_MSG.notAdded("g", "datasync")],
    ["I/O before the open", "fio version 2 iolog\nf add\nf write 0 4096\n", 3, IOLOG_MSG.notOpen("f", "write")],
    ["I/O after the close", `${V2}f write 0 4096\nf close\nf read 0 4096\n`, 6, IOLOG_MSG.notOpen("f", "read")],
    ["a close of a closed file", "fio version 2 iolog\nf add\nf close\n", 3, IOLOG_MSG.notOpen("f", "close")],
    ["a second open", `${V2}f write 0 4096\nf open\n`, 5, IOLOG_MSG.alreadyOpen("f", 3)],
    ["a second add", "fio version 2 iolog\n\nf add\nf add\n", 4, IOLOG_MSG.addedTwice("f", 3)],
    ["a trim", `${V2}f write 0 4096\nf trim 0 4096\n`, 5, IOLOG_MSG.trimNotSimulated()],
    ["a v3 trim", `${V3}3 f trim 0 4096\n`, 4, IOLOG_MSG.trimNotSimulated()],
    ["a malformed trim, as malformed", `${V2}f trim 0 -1\n`, 4, IOLOG_MSG.notCount("length", "-1")],
    ["a log without I/O", `${V2}f close\n\n`, 4, IOLOG_MSG.noIo()],
    ["a log of a header only", "fio version 3 iolog\n", 1, IOLOG_MSG.noIo()],
  ];

  it.each(cases)("refuses %s", (_name, text, line, message) => {
    const error = errorOf(() => parseIolog(text, "bad.iolog"));
    expect(error.where).toBe(`bad.iolog:${line}`);
    expect(error.message).toBe(message);
    expect(error.line).toBe(`bad.iolog:${line}: ${message}`);
  });

  it("says so when the iolog cannot be read", () => {
    const dir = mkdtempSync(join(tmpdir(), "iolog-"));
    const missing = join(dir, "missing.iolog");
    expect(errorOf(() => readIolog(missing))).toMatchObject({ where: missing, message: IOLOG_MSG.unreadable("no such file") });
    expect(errorOf(() => readIolog(dir))).toMatchObject({ where: dir, message: IOLOG_MSG.unreadable("is a directory") });
    rmSync(dir, { recursive: true });
  });

  it("writes messages that say what was expected", () => {
    expect(IOLOG_MSG.version1()).toContain("only versions 2 and 3");
    expect(IOLOG_MSG.trimNotSimulated()).toMatch(/^trim is not simulated \(/);
    expect(IOLOG_MSG.unreadable("no such file")).toBe("cannot read iolog: no such file");
    expect(IOLOG_MSG.fieldCount(3, 4)).toContain("'TIMESTAMP FILE ACTION OFFSET LENGTH'");
  });
});
