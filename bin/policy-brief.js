#!/usr/bin/env node
'use strict';
// Entry of the `policy-brief` command; the implementation is bundled by `npm run build` (run on install by `prepare`).
void require('../dist/server/cli.js').main();
