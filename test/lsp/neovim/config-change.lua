-- Attach Neovim's own LSP client (which offers no file watcher) to `capsule lsp --stdio` on the
-- corpus in $CAPSULE_CORPUS, open ideas.md and wait for its diagnostics; then write the
-- configuration in $CAPSULE_CONFIG to capsule.config.json and wait for the diagnostics to
-- change. Writes the diagnostics before and after as JSON to $CAPSULE_OUT.
local root = os.getenv('CAPSULE_CORPUS')
local report = { before = {}, after = {}, errors = {} }
local open_ideas = dofile(debug.getinfo(1, 'S').source:sub(2):match('(.*/)') .. 'open-ideas.lua')
local client_id = open_ideas(report.errors)

local function codes()
  local found = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
    local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
    table.insert(found, diagnostic.code or lsp.code)
  end
  table.sort(found)
  return found
end

vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
report.before = codes()

local config = io.open(root .. '/capsule.config.json', 'w')
config:write(os.getenv('CAPSULE_CONFIG'))
config:close()
vim.wait(20000, function() return table.concat(codes(), ' ') ~= table.concat(report.before, ' ') end, 50)
report.after = codes()

local file = io.open(os.getenv('CAPSULE_OUT'), 'w')
file:write(vim.fn.json_encode(report))
file:close()
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qa!')
