// Types of bin/entry.js (plain JavaScript, so that the command can run before anything is compiled)
// for its TypeScript importers: the benchmarks and the tests.
export declare const BUILD_CONFIG: string;
/** Newest modification time (ms) of the .ts sources the build compiles and its configuration, under `root`. */
export declare function newestSourceMs(root: string): number;
/** True if dist/ under `root` holds a build no older than any source. */
export declare function compiledIsFresh(root: string): boolean;
