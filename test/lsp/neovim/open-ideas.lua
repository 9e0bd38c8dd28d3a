-- What the scripts beside this one share: start Neovim's own LSP client on
-- `capsule lsp --stdio` over the corpus in $CAPSULE_CORPUS (with the calls Neovim 0.7 has:
-- start_client, buf_attach_client), open ideas.md and attach it. Client errors go to `errors`.
-- Returns the client's id.
return function(errors)
  local root = os.getenv('CAPSULE_CORPUS')
  local client_id = vim.lsp.start_client({
    name = 'capsule',
    cmd = { os.getenv('CAPSULE_NODE'), os.getenv('CAPSULE_BIN'), 'lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'corpus' } },
    on_error = function(code) table.insert(errors, tostring(code)) end,
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/ideas.md'))
  vim.lsp.buf_attach_client(0, client_id)
  return client_id
end
