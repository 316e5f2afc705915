import type { BuildOptions } from 'esbuild';
export declare function appBuildOptions(root: string): BuildOptions[];
