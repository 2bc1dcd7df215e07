// Pinned tree blocks (btrfs_pin_extent / btrfs_finish_extent_commit): a block freed after it was
// written stays allocated until its transaction commits, then comes back, in any number.
import { describe, expect, it } from "vitest";
import { Volumes } from "../../btrfs/volumes.ts";

const NODE = 4096;
const volumes = (): Volumes =>
  new Volumes({
    deviceBytes: 2 ** 34,
    systemChunkBytes: 4 * 2 ** 20,
    metadataChunkBytes: 256 * 2 ** 20,
    dataChunkBytes: 2 ** 30,
    metadataDup: true,
    nodesize: NODE,
    superblockOffsets: [64 * 1024],
    superblockBytes: 4096,
  });

const metadataFree = (v: Volumes): number => v.groups.filter((g) => g.type === "metadata").reduce((s, g) => s + g.free.freeBytes, 0);

describe("Volumes: pinned blocks", () => {
  it("keeps pinned blocks allocated until their transaction commits, then frees exactly those", () => {
    const v = volumes();
    const before = metadataFree(v);
    // 5,000 blocks pinned by transaction 7 and 3,000 by transaction 8 (more than the store's first size).
    const seven = Array.from({ length: 5000 }, () => v.allocMetadata(NODE));
    const eight = Array.from({ length: 3000 }, () => v.allocMetadata(NODE));
    for (const b of seven) v.pin(b, NODE, 7);
    for (const b of eight) v.pin(b, NODE, 8);
    expect(metadataFree(v)).toBe(before - 8000 * NODE);
    v.unpinThrough(7);
    expect(metadataFree(v)).toBe(before - 3000 * NODE);
    v.unpinThrough(7); // nothing more is due
    expect(metadataFree(v)).toBe(before - 3000 * NODE);
    v.unpinThrough(8);
    expect(metadataFree(v)).toBe(before);
  });

  it("hands a block back only after the commit that unpins it", () => {
    const v = volumes();
    const a = v.allocMetadata(NODE);
    v.pin(a, NODE, 1);
    const b = v.allocMetadata(NODE);
    expect(b).not.toBe(a);
    v.unpinThrough(1);
    v.free(b, NODE);
    // Next-fit from past b, wrapping: every block is reachable again, a among them.
    const seen = new Set<number>();
    for (let i = 0; i < 100_000 && !seen.has(a); i++) seen.add(v.allocMetadata(NODE));
    expect(seen.has(a)).toBe(true);
  });
});
