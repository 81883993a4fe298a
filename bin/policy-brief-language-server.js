#!/usr/bin/env node
'use strict';
// Entry of the language server: `policy-brief-language-server --stdio` (or --node-ipc, --socket=<port>).
require('../dist/server/server.js');
