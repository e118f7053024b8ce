-- The Neovim 0.7 set-up of docs/editors.md (start_client with init_options, hints as virtual text,
-- code lenses), with the server run from this checkout. `capture.sh` starts Neovim with it in tmux to
-- make the README's capture.
local repo = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h')
vim.o.termguicolors = false
vim.o.number = true
vim.o.updatetime = 300

local show_trace_hints
local yieldlens_client = nil
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'python',
  callback = function(args)
    if yieldlens_client == nil or vim.lsp.get_client_by_id(yieldlens_client) == nil then
      local pyproject = vim.fn.findfile('pyproject.toml', vim.fn.fnamemodify(args.file, ':p:h') .. ';')
      yieldlens_client = vim.lsp.start_client({
        name = 'yieldlens',
        cmd = { 'node', repo .. '/server/bin/yieldlens.js', 'lsp' },
        root_dir = pyproject ~= '' and vim.fn.fnamemodify(pyproject, ':p:h') or vim.fn.getcwd(),
        init_options = { trace = { enabled = true } },
        flags = { debounce_text_changes = 0 },
        -- Once attached: the server answers these when the buffer's traces have run.
        on_attach = function(_, bufnr)
          show_trace_hints(bufnr)
          vim.lsp.codelens.refresh()
        end,
      })
    end
    vim.lsp.buf_attach_client(args.buf, yieldlens_client)
  end,
})

local hints_ns = vim.api.nvim_create_namespace('yieldlens_hints')
function show_trace_hints(bufnr)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(bufnr), character = 0 } },
  }
  vim.lsp.buf_request(bufnr, 'textDocument/inlayHint', params, function(err, result)
    if err or not vim.api.nvim_buf_is_valid(bufnr) then return end
    vim.api.nvim_buf_clear_namespace(bufnr, hints_ns, 0, -1)
    local by_line = {}
    for _, hint in ipairs(result or {}) do
      local line = hint.position.line
      by_line[line] = (by_line[line] and by_line[line] .. '  ' or '') .. hint.label
    end
    for line, text in pairs(by_line) do
      vim.api.nvim_buf_set_extmark(bufnr, hints_ns, line, 0, { virt_text = { { text, 'Comment' } }, virt_text_pos = 'eol' })
    end
  end)
end
vim.api.nvim_create_autocmd({ 'BufEnter', 'CursorHold', 'InsertLeave', 'TextChanged' }, {
  pattern = '*.py',
  callback = function(args) show_trace_hints(args.buf) end,
})
vim.api.nvim_create_autocmd({ 'CursorHold', 'InsertLeave' }, {
  pattern = '*.py',
  callback = function() vim.lsp.codelens.refresh() end,
})
