-- Neovim (0.7+) as a second LSP client of the Policy Brief language server.
-- Usage: nvim --headless --clean -c 'luafile probe.lua' brief.md
-- Environment: PB_SERVER = path of dist/server/server.js, PB_ROOT = workspace root.
-- Prints one line per diagnostic ("DIAG <line> <character> <code> <source>") and "DONE <n>",
-- then exits 0; exits 1 ("FAIL …") when no diagnostics arrive within 15 s.
local server = os.getenv('PB_SERVER')
local root = os.getenv('PB_ROOT') or vim.fn.getcwd()
local received = nil

vim.lsp.handlers['textDocument/publishDiagnostics'] = function(_, result, ctx)
  if result and result.diagnostics and #result.diagnostics > 0 then
    received = result
  end
end
vim.lsp.handlers['window/logMessage'] = function() end

local id = vim.lsp.start_client({
  name = 'policy-brief',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
})
if not id then
  io.stdout:write('FAIL could not start the server\n')
  vim.cmd('cquit! 1')
end
vim.lsp.buf_attach_client(0, id)

local ok = vim.wait(15000, function() return received ~= nil end, 50)
if not ok then
  io.stdout:write('FAIL no diagnostics\n')
  vim.cmd('cquit! 1')
end
for _, d in ipairs(received.diagnostics) do
  io.stdout:write(string.format('DIAG %d %d %s %s\n', d.range.start.line, d.range.start.character, tostring(d.code), tostring(d.source)))
end
io.stdout:write(string.format('DONE %d\n', #received.diagnostics))
vim.lsp.stop_client(id)
vim.cmd('qall!')
