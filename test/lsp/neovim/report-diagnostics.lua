-- After the README's init.lua has attached `capsule lsp` to the Markdown file being edited:
-- wait for its diagnostics and write them, with the clients attached, as JSON to $CAPSULE_OUT.
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local report = { diagnostics = {}, clients = {} }
for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
  table.insert(report.diagnostics, { line = diagnostic.lnum, message = diagnostic.message })
end
for _, client in pairs(vim.lsp.buf_get_clients(0)) do
  table.insert(report.clients, { name = client.name, root = client.config.root_dir })
end
local file = io.open(os.getenv('CAPSULE_OUT'), 'w')
file:write(vim.fn.json_encode(report))
file:close()
vim.cmd('qa!')
