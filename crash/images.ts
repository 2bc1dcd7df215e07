// What a recorded 4 KiB block holds: a btrfs metadata block (a tree block or a superblock) or a page
// of file data, the images the model's writers attach to their bios. The block layer passes them
// on as opaque BlockImages; the recorder takes them back as these (recorder.ts).
import type { SuperImage, TreeBlockImage } from "../btrfs/index.ts";
import type { DataImage } from "../fs/index.ts";

export type RecordedImage = TreeBlockImage | SuperImage | DataImage;
export type { DataImage, SuperImage, TreeBlockImage };
