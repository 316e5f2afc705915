// esbuild options for the Electron shell (app/), called by scripts/build.mjs.
// main: Node side of Electron 45 (Node 22), everything bundled but 'electron'.
// preload: sandboxed, so it must be ONE file whose only require is 'electron'.
import { join } from 'node:path';

export function appBuildOptions(root) {
  const common = { absWorkingDir: root, bundle: true, format: 'cjs', external: ['electron'], legalComments: 'none', sourcemap: false };
  return [
    { ...common, entryPoints: [join(root, 'app/main.ts')], outfile: join(root, 'dist/app/main.js'), platform: 'node', target: 'node22' },
    { ...common, entryPoints: [join(root, 'app/preload.ts')], outfile: join(root, 'dist/app/preload.js'), platform: 'node', target: 'chrome140' },
  ];
}
