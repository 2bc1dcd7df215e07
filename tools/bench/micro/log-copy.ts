// Micro-benchmarks of copying into the tree log (btrfs/tree-log.ts), on a file of 4,096
// extents (every other block written into its preallocation) whose leaves all changed in the
// running transaction: copy_items of one full fs leaf (its extent items and their checksums) into
// an empty log, and a whole 4 KiB write + fsync through each logger, where truncate-and-copy
// copies every changed leaf of the inode and modified-extents only the written extent. Runs on
// the null device through the tests' harness (test/btrfs/harness.ts).
import type { Bench } from "tinybench";
import type { LoggerKind } from "../../../btrfs/index.ts";
import { BTree } from "../../../btrfs/ctree/btree.ts";
import { KEY_TYPE, OBJECTID, key } from "../../../btrfs/ctree/key.ts";
import type { Leaf } from "../../../btrfs/ctree/tree-block.ts";
import { copyItems } from "../../../btrfs/tree-log.ts";
import { FakeHost } from "../../../test/btrfs/ctree/fake-host.ts";
import { FILE_INO, mount, type Mounted } from "../../../test/btrfs/harness.ts";
import { count, randomInts } from "./format.ts";

const BLOCK_BYTES = 4096;
/** The file: 4,096 blocks, every other one written, so 2,048 written and 2,048 preallocated extents. */
const FILE_BLOCKS = 4096;
const LOGGERS: readonly LoggerKind[] = ["truncate-and-copy", "modified-extents"];

/**
 * A truncate-and-copy fsync here costs about 12 ms of simulated CPU: with the default 30 s commit
 * interval a commit (which empties the log and makes the next fsyncs cheaper) would come after
 * some 2,500 of them, within a benchmark. An hour's interval keeps every call the same.
 */
const COMMIT_INTERVAL_S = "3600";

/** A mounted filesystem with the file laid out (fallocated), every other block written, and fsynced. */
function scatteredFile(logger: LoggerKind): Mounted {
  const m = mount({ logger, sizeBytes: FILE_BLOCKS * BLOCK_BYTES, fallocate: "posix", btrfs: { commitIntervalS: COMMIT_INTERVAL_S } });
  for (let b = 0; b < FILE_BLOCKS; b += 2) m.write(b * BLOCK_BYTES);
  m.fsync();
  return m;
}

export function addLogCopyTasks(bench: Bench): void {
  const source = scatteredFile("modified-extents");
  const fs = source.fsys.fs;
  const leaf = fs.fsTree.search(key(FILE_INO, KEY_TYPE.EXTENT_DATA, (FILE_BLOCKS / 2) * BLOCK_BYTES), { copy: true }).nodes[0] as Leaf;
  const items = leaf.items.filter((it) => it.key.objectid === FILE_INO);

  bench.add(`log: copy_items of one fs leaf (${items.length} extent items + csums)`, () => {
    copyItems(fs, new BTree(new FakeHost(), OBJECTID.TREE_LOG), items);
  });

  for (const logger of LOGGERS) {
    const m = scatteredFile(logger);
    const random = randomInts(logger);
    bench.add(`fsync: ${logger}, 4 KiB write + fsync, ${count(FILE_BLOCKS)}-extent file`, () => {
      m.write(random(FILE_BLOCKS) * BLOCK_BYTES);
      m.fsync();
    });
  }
}
