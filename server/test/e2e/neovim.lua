-- Drives yieldlens from a real Neovim 0.7+ (headless): open a Python file, wait for the server's
-- diagnostics, fix one bug by editing, fix the other with a code action, hover; then open a file with a
-- __main__ block and ask for its inlay hints with a raw `textDocument/inlayHint` request (0.7 has no
-- inlay hint support of its own) and for its code lenses, and quit. Every step waits for a condition
-- or an answer, never for a fixed time; any error exits with a non-zero code, because an uncaught Lua
-- error would leave headless Neovim hanging.

local function fail(code, message)
  io.stderr:write('neovim e2e: ' .. message .. '\n')
  vim.cmd('cquit ' .. code)
end

local function log(message)
  io.stderr:write('neovim e2e: ' .. message .. '\n')
end

local function run()
  local fixture = os.getenv('YIELDLENS_FIXTURE')
  local root = os.getenv('YIELDLENS_ROOT')
  local cmd = vim.fn.json_decode(os.getenv('YIELDLENS_CMD'))
  vim.cmd('edit ' .. vim.fn.fnameescape(fixture))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'python'

  local client_id = vim.lsp.start_client({
    name = 'yieldlens',
    cmd = cmd,
    root_dir = root,
    -- 0.7 neither answers workspace/configuration nor sends didChangeConfiguration: settings go here.
    -- Only __main__ sources: the directive in traced.py must then show nothing.
    init_options = { trace = { sources = { 'main' } } },
    -- Neovim 0.7 otherwise batches changes for 150 ms before sending them.
    flags = { debounce_text_changes = 0 },
  })
  if not client_id then return fail(2, 'vim.lsp.start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function codes()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if d.source == 'yieldlens' then table.insert(found, string.format('%s@%d', tostring(code), d.lnum + 1)) end
    end
    table.sort(found)
    return table.concat(found, ',')
  end

  local function wait_for(what, expected)
    local ok = vim.wait(15000, function() return codes() == expected end, 10)
    if not ok then error(string.format('timed out waiting for %s: expected "%s", have "%s"', what, expected, codes())) end
    log(what .. ': ' .. expected)
  end

  wait_for('initial diagnostics', 'GEN001@20,GEN004@7')

  -- Fix GEN004 by typing: `raise StopIteration` → `return` (line 7, columns 12..31, 0-based).
  vim.api.nvim_buf_set_text(bufnr, 6, 12, 6, 31, { 'return' })
  wait_for('diagnostics after the edit', 'GEN001@20')

  -- Fix GEN001 with the server's preferred quick fix.
  local diagnostic = vim.diagnostic.get(bufnr)[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = diagnostic.lnum, character = diagnostic.col }, ['end'] = { line = diagnostic.end_lnum, character = diagnostic.end_col } },
    context = { diagnostics = { diagnostic.user_data and diagnostic.user_data.lsp or {} } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local chosen = nil
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      if action.isPreferred then chosen = action end
    end
  end
  if not chosen then error('no preferred code action for GEN001: ' .. vim.inspect(responses)) end
  log('applying code action: ' .. chosen.title)
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  wait_for('diagnostics after the code action', '')
  local primed = vim.api.nvim_buf_get_lines(bufnr, 19, 21, false)
  if primed[1] ~= '    next(totals)' or primed[2] ~= '    totals.send(10)' then error('unexpected text after the fix: ' .. vim.inspect(primed)) end

  -- Hover on `running_total` (line 11, 0-based 10, column 6).
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 10, character = 6 },
  }, 10000)
  local markdown = ''
  for _, response in pairs(hover or {}) do
    if response.result and response.result.contents then markdown = markdown .. response.result.contents.value end
  end
  if not markdown:find('Receives via `send()`:** `value`', 1, true) then error('unexpected hover: ' .. markdown) end
  log('hover ok')

  -- Inline traces: the server answers once the __main__ block has run in its worker.
  local expected = vim.fn.json_decode(os.getenv('YIELDLENS_EXPECTED_HINTS'))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('YIELDLENS_TRACED')))
  local traced = vim.api.nvim_get_current_buf()
  vim.bo[traced].filetype = 'python'
  vim.lsp.buf_attach_client(traced, client_id)
  local uri = vim.uri_from_bufnr(traced)
  local hints = vim.lsp.buf_request_sync(traced, 'textDocument/inlayHint', {
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(traced), character = 0 } },
  }, 15000)
  local by_line = {}
  for _, response in pairs(hints or {}) do
    if response.err then error('inlayHint failed: ' .. vim.inspect(response.err)) end
    for _, hint in ipairs(response.result or {}) do
      local line = hint.position.line + 1
      by_line[line] = by_line[line] or {}
      table.insert(by_line[line], hint.label)
    end
  end
  for line, labels in pairs(expected) do
    local got = table.concat(by_line[tonumber(line)] or {}, ' | ')
    if got ~= table.concat(labels, ' | ') then error(string.format('inlay hints on line %s: expected "%s", got "%s"', line, table.concat(labels, ' | '), got)) end
  end
  log('inlay hints ok: ' .. vim.inspect(by_line))

  local lenses = vim.lsp.buf_request_sync(traced, 'textDocument/codeLens', { textDocument = { uri = uri } }, 15000)
  local titles = {}
  local client = vim.lsp.get_client_by_id(client_id)
  for _, response in pairs(lenses or {}) do
    for _, lens in ipairs(response.result or {}) do
      local resolved = client.request_sync('codeLens/resolve', lens, 10000, traced)
      if not resolved or resolved.err then error('codeLens/resolve failed: ' .. vim.inspect(resolved)) end
      local command = resolved.result.command
      table.insert(titles, string.format('%d: %s [%s %s]', lens.range.start.line + 1, command.title, command.command, table.concat(command.arguments or {}, ' ')))
    end
  end
  local expected_lens = os.getenv('YIELDLENS_EXPECTED_LENS')
  if table.concat(titles, '\n') ~= expected_lens then error('code lenses: expected "' .. expected_lens .. '", got "' .. table.concat(titles, '\n') .. '"') end
  log('code lens ok: ' .. table.concat(titles, '\n'))

  -- The snippets docs/editors.md gives Neovim users: hints as virtual text on 0.7, the showTrace command.
  dofile(os.getenv('YIELDLENS_HINTS_SNIPPET'))
  vim.cmd('doautocmd CursorHold')
  local hints_ns = vim.api.nvim_create_namespace('yieldlens_hints')
  local function virtual_text(line)
    for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(traced, hints_ns, { line - 1, 0 }, { line - 1, -1 }, { details = true })) do
      return mark[4].virt_text[1][1]
    end
    return nil
  end
  local total_line = tonumber(os.getenv('YIELDLENS_TOTAL_LINE'))
  if not vim.wait(15000, function() return virtual_text(total_line) ~= nil end, 10) then error('the documented snippet showed no virtual text') end
  local expected_virtual = table.concat(expected[tostring(total_line)], '  ')
  if virtual_text(total_line) ~= expected_virtual then error('virtual text: expected "' .. expected_virtual .. '", got "' .. tostring(virtual_text(total_line)) .. '"') end
  log('virtual text ok: ' .. virtual_text(total_line))

  dofile(os.getenv('YIELDLENS_SHOW_TRACE_SNIPPET'))
  local lens_command = nil
  for _, response in pairs(lenses or {}) do
    for _, lens in ipairs(response.result or {}) do
      lens_command = client.request_sync('codeLens/resolve', lens, 10000, traced).result.command
    end
  end
  vim.lsp.commands['yieldlens.showTrace'](lens_command, { bufnr = traced, client_id = client_id })
  local function timeline()
    local first = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1] or ''
    return first:find('running_total — trace of __main__ block', 1, true) and vim.api.nvim_buf_get_lines(0, 0, -1, false) or nil
  end
  if not vim.wait(15000, function() return timeline() ~= nil end, 10) then error('yieldlens.showTrace opened no timeline') end
  local shown = table.concat(timeline(), '\n')
  if not shown:find('#1  yield ' .. os.getenv('YIELDLENS_LAST_YIELD'), 1, true) or not shown:find('send(10)', 1, true) then error('unexpected timeline:\n' .. shown) end
  log('showTrace ok')

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 10)
  vim.cmd('qall!')
end

local ok, err = pcall(run)
if not ok then fail(1, tostring(err)) end
