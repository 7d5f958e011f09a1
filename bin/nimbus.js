#!/usr/bin/env node
// Entry point of the built package: run `npm run build` (npm install does it) first.
import('../dist/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/main.js')) {
    console.error('nimbus: the build is missing; run `npm install` (or `npm run build`) first');
    process.exit(1);
  }
  throw err;
});
