// What the device holds when the run starts: mkfs's trees and superblock, which the model treats as
// committed and on disk before the job (mkfs.ts). The crash recorder gets them as writes durable
// at time 0, before anything the run does.
import { superblockBios, superImage, treeBlockBios } from "../btrfs/disk-io.ts";
import type { FsInfo } from "../btrfs/fs-info.ts";
import { SECTOR_BYTES } from "../devices/index.ts";
import type { CrashRecorder } from "./recorder.ts";

export function recordBaseImage(fs: FsInfo, recorder: CrashRecorder): void {
  const blocks = fs.committedTrees.flatMap((t) => [...t.blocks()]);
  const bios = [...treeBlockBios(fs.volumes, blocks, fs.nodesize, recorder), ...superblockBios(fs.bdev.capacityBytes, Infinity, superImage(fs.superblock, recorder))];
  for (const bio of bios) recorder.deviceWrite(bio.startSector * SECTOR_BYTES, bio.images ?? [], 0, 0, true);
}
