#!/usr/bin/env node
// onnxruntime's telemetry off before anything can load it (src/detect/inference-worker.ts sets it again for library users).
process.env.ORT_DISABLE_TELEMETRY = '1';
await import('../build/src/cli.js');
