#!/usr/bin/env node
// Launcher kept in git so that npm can link the bin before the TypeScript is built.
import { launch } from './launch.js';

await launch(process.argv.slice(2));
