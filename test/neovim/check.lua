-- Driven by test/integration/neovim.test.ts inside a real headless Neovim: the README's setup (loaded before this
-- file as the init file) must start the language server, show its diagnostics, and apply a quick fix through
-- Neovim's own code-action machinery. Results go to $AG_RESULT as JSON; the test asserts on them.
local result = { version = tostring(vim.version()), messages = {} }
local function finish()
  local file = io.open(os.getenv('AG_RESULT'), 'w')
  file:write(vim.json.encode(result))
  file:close()
  vim.cmd('qa!')
end
-- What the server tells the person: Neovim 0.10 writes window/showMessage to the message area, 0.11+ uses vim.notify.
local show = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, params, ctx, config)
  table.insert(result.messages, params.message)
  return show(err, params, ctx, config)
end
local notify = vim.notify
vim.notify = function(message, level, opts)
  table.insert(result.messages, tostring(message))
  return notify(message, level, opts)
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('AG_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local function ours()
    local found = {}
    for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
      if diagnostic.source == 'Agent Guardrail' then table.insert(found, diagnostic) end
    end
    return found
  end
  result.attached = vim.wait(60000, function() return #vim.lsp.get_clients({ bufnr = buf, name = 'agent_guardrail' }) > 0 end, 100)
  result.diagnosed = vim.wait(90000, function() return #ours() > 0 end, 100)
  result.diagnostics = {}
  for _, diagnostic in ipairs(ours()) do
    table.insert(result.diagnostics, { code = diagnostic.code, lnum = diagnostic.lnum, col = diagnostic.col, severity = diagnostic.severity, message = diagnostic.message })
  end
  if not result.diagnosed then return end

  -- The quick fix, as a person would apply it: cursor on the key, code action filtered by its title.
  local key = ours()[1]
  vim.api.nvim_win_set_cursor(0, { key.lnum + 1, key.col })
  local title = os.getenv('AG_ACTION')
  vim.lsp.buf.code_action({ apply = true, filter = function(action) return action.title:find(title, 1, true) == 1 end })
  result.edited = vim.wait(30000, function() return not table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n'):find(os.getenv('AG_KEY'), 1, true) end, 100)
  result.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  vim.cmd('silent write')
  result.cleared = vim.wait(60000, function() return #ours() == 0 end, 100)
  local module = os.getenv('AG_MODULE')
  result.moduleWritten = vim.wait(30000, function() return vim.fn.getfsize(module) > 0 end, 100)
  result.messaged = vim.wait(10000, function() return #result.messages > 0 end, 100)
end)
if not ok then result.error = tostring(err) end
finish()
