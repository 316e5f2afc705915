#!/usr/bin/env node
// The `certbench` bin (after `npm link`): runs the bundled CLI, building it first when missing.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');
const root = join(__dirname, '..');
const cli = join(root, 'dist', 'main', 'cli.js');
if (!existsSync(cli)) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--main-only', '--quiet'], { stdio: 'inherit' });
require(cli);
