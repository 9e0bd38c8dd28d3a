-- Attach Neovim's own LSP client to `capsule lsp --stdio` on the corpus in $CAPSULE_CORPUS,
-- open ideas.md, wait for its diagnostics, ask for the definition at the cursor line and
-- column given in $CAPSULE_LINE/$CAPSULE_COLUMN (1-based line, 0-based column), and write
-- what it got as JSON to $CAPSULE_OUT.
local out = os.getenv('CAPSULE_OUT')
local report = { diagnostics = {}, definition = vim.NIL, errors = {} }
local open_ideas = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'open-ideas.lua')
local client_id = open_ideas(report.errors)

vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
  table.insert(report.diagnostics, {
    line = diagnostic.lnum,
    column = diagnostic.col,
    code = diagnostic.code or lsp.code,
    source = diagnostic.source or lsp.source,
    message = diagnostic.message,
  })
end

vim.api.nvim_win_set_cursor(0, { tonumber(os.getenv('CAPSULE_LINE')), tonumber(os.getenv('CAPSULE_COLUMN')) })
local answers = vim.lsp.buf_request_sync(0, 'textDocument/definition', vim.lsp.util.make_position_params(), 20000)
for _, answer in pairs(answers or {}) do
  if answer.result then report.definition = answer.result end
  if answer.err then table.insert(report.errors, vim.inspect(answer.err)) end
end

local file = io.open(out, 'w')
file:write(vim.fn.json_encode(report))
file:close()
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qa!')
