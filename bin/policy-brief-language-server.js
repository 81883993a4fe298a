#!/usr/bin/env node
'use strict';
// Entry of the language server: `policy-brief-language-server --stdio` (or --node-ipc, --socket=<port>).
// --help and --version are answered here, before the server (which expects a transport) starts.
const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v') || args.includes('-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else if (args.includes('--help') || args.includes('-h') || args.length === 0) {
  process.stdout.write(`Usage: policy-brief-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The Policy Brief language server (Language Server Protocol): diagnostics with quick fixes,
completion of issuing bodies and Chinese policy titles, hover, outline and folding for Markdown
policy briefs. Start it from your editor's LSP client; see docs/language-server.md.

Options:
  --stdio            talk LSP over standard input/output (Neovim, Helix, Emacs)
  --node-ipc         talk LSP over Node's IPC channel (VS Code)
  --socket=<port>    talk LSP over a TCP socket
  --pipe=<name>      talk LSP over a named pipe
  -V, --version      print the version and exit
  -h, --help         print this help and exit
`);
  if (args.length === 0) process.exitCode = 2;
} else {
  require('../dist/server/server.js');
}
