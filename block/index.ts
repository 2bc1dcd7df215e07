// The block layer: bios with PREFLUSH/FUA/META flags, and the request queue that applies Linux's
// flush rules by device capability.
export { REQ, emptyFlushBio, readBio, writeBio, type Bio } from "./bio.ts";
export { BlockDevice, zeroBlockStats, type BlockStats } from "./block-device.ts";
