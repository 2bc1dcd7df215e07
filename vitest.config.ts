import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: [...configDefaults.exclude],
    testTimeout: 30_000,
    // Test files share their worker's loaded modules instead of importing every module afresh per
    // file: the suite runs in about 90 s instead of 105 s on the 2-core machine. Tests therefore
    // must not change process-wide state (environment, working directory, module mocks); none do,
    // and the code keeps no state at module level beyond constants and the charts' one-time font
    // set-up (charts/render.ts).
    isolate: false,
  },
});
