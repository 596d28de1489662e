#!/usr/bin/env node
await import('../build/src/cli.js');
