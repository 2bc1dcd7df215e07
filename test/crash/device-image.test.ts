// The device image at a power cut: what is stable (completed without a volatile cache, FUA, or
// covered by a completed flush issued after the write completed) survives in every state; what
// is in flight or only in a volatile cache survives in some states, possibly torn.
import { describe, expect, it } from "vitest";
import { DeviceImage, type DeviceState } from "../../crash/device-image.ts";
import type { DataImage } from "../../crash/images.ts";
import { CrashRecorder } from "../../crash/recorder.ts";

const data = (page: number, version: number): DataImage => ({ kind: "data", ino: 257, page, version });
const B = 4096;

/** The data versions blocks 0..n-1 hold in a state (0 = nothing). */
function versions(state: DeviceState, n: number): number[] {
  return Array.from({ length: n }, (_, b) => {
    const im = state.imageAt(b);
    return im?.kind === "data" ? im.version : 0;
  });
}

function allStates(image: DeviceImage, cutNs: number, random = 16): DeviceState[] {
  image.advance(cutNs);
  const out: DeviceState[] = [];
  // A state is valid until the next is taken: read each now.
  for (const s of image.states(random, "t")) out.push({ description: s.description, imageAt: (b) => s.imageAt(b), read: (b) => s.read(b), snapshot: versions(s, 4) } as DeviceState & { snapshot: number[] });
  return out;
}

const snap = (s: DeviceState): number[] => (s as DeviceState & { snapshot: number[] }).snapshot;

describe("with a volatile write cache", () => {
  function recorder(): CrashRecorder {
    const r = new CrashRecorder(true);
    r.deviceWrite(0, [data(0, 1)], 0, 100, false); // cached at 100
    r.deviceFlush(200, 300); // makes write 1 stable at 300
    r.deviceWrite(B, [data(1, 2), data(2, 2)], 400, 500, false); // cached, never flushed
    r.deviceWrite(3 * B, [data(3, 3)], 600, 700, true); // FUA: stable at 700
    return r;
  }

  it("an acknowledged but unflushed write may be lost until a flush issued after it completes", () => {
    const image = new DeviceImage(recorder());
    const atAck = allStates(image, 150);
    expect(atAck[0]?.description).toBe("every unstable write lost");
    expect(snap(atAck[0]!)).toEqual([0, 0, 0, 0]);
    expect(snap(atAck[1]!)).toEqual([1, 0, 0, 0]);
    const afterFlush = allStates(image, 300);
    expect(afterFlush.map(snap).every((v) => v[0] === 1)).toBe(true);
  });

  it("explores lost, kept and torn outcomes of a multi-block write, and keeps a FUA write from its completion", () => {
    const image = new DeviceImage(recorder());
    const states = allStates(image, 800, 64);
    const outcomes = new Set(states.map((s) => snap(s).slice(1, 3).join(",")));
    expect(outcomes).toContain("0,0");
    expect(outcomes).toContain("2,2");
    expect([...outcomes].some((o) => o === "2,0" || o === "0,2")).toBe(true); // torn
    expect(states.every((s) => snap(s)[3] === 3 && snap(s)[0] === 1)).toBe(true);
  });

  it("a write still in flight at the cut may or may not have landed", () => {
    const image = new DeviceImage(recorder());
    const states = allStates(image, 650);
    expect(new Set(states.map((s) => snap(s)[3]))).toEqual(new Set([0, 3]));
  });
});

describe("without a volatile cache (or with power-loss protection)", () => {
  it("loses nothing acknowledged: one state per cut once every write has completed", () => {
    const r = new CrashRecorder(false);
    r.deviceWrite(0, [data(0, 1)], 0, 100, false);
    r.deviceWrite(B, [data(1, 2)], 50, 150, false);
    const image = new DeviceImage(r);
    const during = allStates(image, 120);
    expect(during.map((s) => snap(s)[0])).toEqual(during.map(() => 1));
    expect(new Set(during.map((s) => snap(s)[1]))).toEqual(new Set([0, 2]));
    const after = allStates(image, 200);
    expect(after).toHaveLength(1);
    expect(snap(after[0]!)).toEqual([1, 2, 0, 0]);
  });

  it("a block holds the newer of two writes once both are stable, whatever order they completed in", () => {
    const r = new CrashRecorder(false);
    r.deviceWrite(0, [data(0, 1)], 0, 300, false);
    r.deviceWrite(0, [data(0, 2)], 100, 200, false);
    const image = new DeviceImage(r);
    expect(snap(allStates(image, 400)[0]!)[0]).toBe(2);
  });
});
