-- Neovim 0.7+ as an LSP client of the packed server, headless:
--   SERVER_BIN=... TASK_FILE=... nvim --headless -u NONE -i NONE -n -c 'luafile nvim-client.lua'
-- Prints one line per observation (DIAG, KEYS, ARNS, FIXED) for the test to check, then PASS.
local server = assert(os.getenv('SERVER_BIN'), 'SERVER_BIN')
local file = assert(os.getenv('TASK_FILE'), 'TASK_FILE')
local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg) out('FAIL: ' .. msg); vim.cmd('cquit 1') end

local function request(bufnr, method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000)
  if not responses then error(method .. ' timed out') end
  for _, r in pairs(responses) do
    if r.error then error(method .. ': ' .. vim.inspect(r.error)) end
    return r.result
  end
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'json'
  local ready = false
  local client_id = vim.lsp.start_client({
    name = 'ecs-taskdef',
    cmd = { server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h'),
    -- Served to the server's workspace/configuration requests.
    settings = { ecsTaskDef = { aws = { region = 'eu-west-1' } } },
    on_init = function() ready = true end,
  })
  if not client_id then return fail('start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)
  if not vim.wait(15000, function() return ready end, 20) then return fail('initialize timeout') end

  -- Diagnostics arrive after didOpen; the account-aware ones once the catalog has loaded.
  local function codes()
    local seen = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do seen[d.code] = true end
    return seen
  end
  if not vim.wait(15000, function() return codes()['reference-not-found'] end, 50) then
    return fail('no reference-not-found diagnostic: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out(string.format('DIAG %s %d %d', d.code, d.lnum + 1, d.col))
  end

  local uri = vim.uri_from_bufnr(bufnr)
  local function find(pattern)
    for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      local col = line:find(pattern, 1, true)
      if col then return i - 1, vim.str_utfindex(line, col - 1) end
    end
    error('not found: ' .. pattern)
  end

  local line, character = find('"name": "app"')
  local keys = request(bufnr, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = line, character = character + 1 } })
  local labels = {}
  for _, item in ipairs(keys.items or keys) do table.insert(labels, item.label) end
  out('KEYS ' .. table.concat(labels, ','))

  line, character = find('"valueFrom": "/prod/dbpass"')
  local arns = request(bufnr, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = line, character = character + 15 } })
  local texts = {}
  for _, item in ipairs(arns.items or arns) do table.insert(texts, (item.textEdit and item.textEdit.newText) or item.insertText or item.label) end
  out('ARNS ' .. table.concat(texts, ','))

  local mismatch
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do if d.code == 'type-mismatch' then mismatch = d end end
  local actions = request(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = mismatch.lnum, character = 0 }, ['end'] = { line = mismatch.lnum, character = 0 } },
    -- The diagnostics as LSP sent them (data included), as Neovim gives them back for code actions.
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, mismatch.lnum) },
  })
  local fix
  for _, action in ipairs(actions) do if action.edit then fix = action end end
  if not fix then return fail('no quick fix: ' .. vim.inspect(actions)) end
  out('FIXTITLE ' .. fix.title)
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  out('FIXED ' .. vim.fn.json_encode(table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')))

  vim.lsp.stop_client(client_id)
  out('PASS')
  vim.cmd('qall!')
end)
if not ok then fail(tostring(err)) end
