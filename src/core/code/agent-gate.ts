/**
 * The agent analysis' text gate (src/core/code/walk.ts, AGENT_RECORDS): text without which a TS/JS file has nothing
 * for the walk, so that most files are not parsed for it.
 * - Shell calls need an import of a module that runs commands (any binding of it, so the module alone decides).
 * - Agents, tools, MCP clients, servers and transports need a known framework module *and* a use of one of the exports
 *   the walk recognises. Where the file's imports of framework modules read plainly (import declarations, `require`,
 *   `await import`), the use must be of a name they bind, as the walk resolves callees through the imports: a
 *   framework's own tests call `tool(…)` and `new Agent(…)` imported from `../src`, which give the walk nothing.
 *   Otherwise any use of an export's name counts. An AI SDK call counts only with the word `tools`.
 * - Methods the walk reads whatever their receiver (`agent.asTool(…)`, `anthropic.tools.bash_20250124(…)`).
 * - Stdio server parameters (`command` and `env` in one object), which an MCP import makes configuration.
 * - Browser exposure needs an environment variable with a public prefix or `dangerouslyAllowBrowser`; Mastra needs
 *   `toolsets`, and Bun's `$` shell no import at all.
 * An identifier spelled with an escape (`new \u0041gent(…)`) is the plain name to the parse, not to these searches:
 * such a file always passes.
 */
import { mayEscapeIdentifiers } from '../languages/js-lexer';
import { AI_SDK_CALLS, OPENAI_HOSTED_TOOLS, OPENAI_MCP_SERVERS } from './modules';

// Distinctive words first: a pattern that starts at every quote of a file costs more than the rest of this gate.
const SHELL_MODULE = /child_process|execa|shelljs|cross-spawn|['"`](?:zx|bun)['"`]/;
const AGENT_MODULE = /@openai\/agents|@mastra\/|@voltagent\/|@llamaindex\/|@inngest\/agent-kit|@langchain\/|@ai-sdk\/|@modelcontextprotocol\/sdk|['"`](?:langchain|ai|llamaindex)['"`/]/;
/** Exports the walk recognises where they are called (`tool(`, `tool<T>(`, `new Agent(`) or imported under another name. */
const CALLED_EXPORTS: ReadonlySet<string> = new Set([
  'Agent', 'Experimental_Agent', 'ToolLoopAgent', 'createReactAgent', 'createAgent', 'createRoutingAgent', 'agent', 'tool', 'dynamicTool', 'createTool',
  'DynamicTool', 'DynamicStructuredTool', 'asTool', ...OPENAI_HOSTED_TOOLS.keys(), ...OPENAI_MCP_SERVERS, 'StdioClientTransport',
  'StdioMCPTransport', 'Experimental_StdioMCPTransport', 'createMCPClient', 'experimental_createMCPClient', 'MCPClient',
  'MCPConfiguration', 'MastraMCPClient', 'MultiServerMCPClient', 'McpServer',
]);
/**
 * A use of one of those exports by its name: a call or `new`, an aliased import, `Agent.create(`. A name that only
 * appears in a type, a comment or a type-only import gives the walk nothing.
 */
const EXPORT_USE = new RegExp(`\\b(?:${[...CALLED_EXPORTS].join('|')})(?:\\s*[(<]|\\s+as\\b)|\\bAgent\\s*\\.\\s*create\\b`);
/** A LangChain tool class (`extends StructuredTool`): its base is often imported through a re-export. */
const TOOL_CLASS = /\bextends\s+(?:[\w$]+\.)*(?:Tool|StructuredTool|DynamicTool|DynamicStructuredTool)\b/;
/**
 * Methods the walk reads whatever their receiver: `agent.asTool({…})` (OpenAI Agents SDK), provider-defined tools
 * with a local implementation, `anthropic.tools.bash_20250124({ execute })` (AI SDK).
 */
const METHOD_USE = /\.\s*asTool\s*[(<]|\.\s*tools\s*\.\s*[\w$]+\s*[(<]/;
/**
 * AI SDK calls (`generateText(…)`, `streamText(…)` …) count only with a `tools` option: the agent analysis drops a
 * call without one (src/core/code/scan.ts), and most files of an AI SDK project call the model without tools.
 */
const AI_SDK_USE = new RegExp(`\\b(?:${[...AI_SDK_CALLS].join('|')})(?:\\s*[(<]|\\s+as\\b)`);
/** Stdio server parameters: an object with `command` (or `fullCommand`) and an `env` property (walk.ts onObjectLiteral). */
const COMMAND_KEY = /\b(?:command|fullCommand)\s*[:,}]/;
const ENV_KEY = /\benv\s*(?:[:,}]|\/[/*])/;
const OTHER_TRIGGER = /PUBLIC_|VITE_|REACT_APP_|VUE_APP_|GATSBY_|dangerouslyAllowBrowser|toolsets|Bun\s*\.\s*\$/;
/**
 * Any of the three, in one pass that stops at the first: most files have none (one scan instead of three), and most
 * of the others import a framework near the top (where a scan for the other two would have read the whole file).
 */
const ANY_TRIGGER = new RegExp(`${OTHER_TRIGGER.source}|${SHELL_MODULE.source}|${AGENT_MODULE.source}`);

export function wantsAgentRecords(text: string): boolean {
  const first = ANY_TRIGGER.exec(text);
  if (!first) return mayEscapeIdentifiers(text);
  if (!AGENT_MODULE.test(first[0])) return true; // a public-prefixed name, a browser flag, Mastra toolsets, Bun's $, a shell module
  if (usesFramework(text) || TOOL_CLASS.test(text) || METHOD_USE.test(text) || (COMMAND_KEY.test(text) && ENV_KEY.test(text))) return true;
  // A framework without a use the walk recognises: only the other two triggers, anywhere else in the file, are left.
  return OTHER_TRIGGER.test(text) || SHELL_MODULE.test(text) || mayEscapeIdentifiers(text);
}

/** Does the text use a framework export the walk recognises (through the file's imports, where they read plainly)? */
function usesFramework(text: string): boolean {
  const tools = text.includes('tools');
  const bindings = frameworkBindings(text);
  // Each binding's uses are one search of the text: past a few dozen (no real file), one search for every name.
  if (!bindings || bindings.length > MAX_BINDINGS) return EXPORT_USE.test(text) || (tools && AI_SDK_USE.test(text));
  const recognised = (name: string): boolean => CALLED_EXPORTS.has(name) || (tools && AI_SDK_CALLS.has(name));
  for (const { local, imported } of bindings) {
    const name = local.replace(/\$/g, '\\$');
    if (imported === '*' || imported === 'default') {
      // A namespace or default import: the walk reads calls of its members (`new agents.Agent(…)`, `ai.tool(…)`).
      for (const use of text.matchAll(new RegExp(`(?<![\\w$.])${name}\\s*\\.\\s*([\\w$]+)\\s*[(<.]`, 'g'))) if (recognised(use[1]!)) return true;
    } else if (recognised(imported) && new RegExp(`(?<![\\w$.])${name}\\s*[(<.]`).test(text)) {
      // A call or `new` of the bound name, `Agent.create(…)`.
      return true;
    }
  }
  return false;
}

const MAX_BINDINGS = 64;

interface FrameworkBinding {
  local: string;
  /** The exported name; `*` for a namespace, `default` for a default import. */
  imported: string;
}

/** `from '…'`, `import '…'`, `import('…')`, `require('…')`: where a module is named (quotes of any kind). */
const MODULE_SOURCE = /\b(?:from|import|require)\s*(?:\(\s*)?(['"`])([^'"`\n]*)\1/g;
/** `import [type] Default, { a, b as c } from 'm'`, `import * as ns from 'm'`, `import 'm'` (the clause, the module). */
const IMPORT_DECLARATION = /\bimport\s+(?:type\s+)?(?:((?:[\w$]+\s*,\s*)?(?:\*\s*as\s+[\w$]+|\{[^{}]{0,4096}\})|[\w$]+)\s*from\s*)?(['"])([^'"\n]*)\2/g;
/** `export * from 'm'`, `export { a } from 'm'`: no local binding. */
const EXPORT_FROM = /\bexport\s+(?:type\s+)?(?:\*(?:\s*as\s+[\w$]+)?|\{[^{}]{0,4096}\})\s*from\s*(['"])([^'"\n]*)\1/g;
/**
 * `const x = require('m')`, `const { a, b: c } = await import('m')`, `import x = require('m')`: the call is the whole
 * value (not `require('m').tool(…)`, which binds nothing and is read as an inline use).
 */
const REQUIRE_BINDING = /\b(?:const|let|var|import)\s+(\{[^{}]{0,4096}\}|[\w$]+)\s*=\s*(?:await\s+)?(?:require|import)\s*\(\s*(['"])([^'"\n]*)\2\s*\)(?!\s*[.([`?!])/g;

function isFrameworkModule(module: string): boolean {
  return AGENT_MODULE.test(`'${module}'`);
}

/**
 * The names the file's imports of framework modules bind, or undefined when one of them is written in a way this does
 * not read (an inline `require('ai').tool(…)`, a template literal, a comment or a string name inside the braces):
 * then any use of an export's name counts.
 */
function frameworkBindings(text: string): FrameworkBinding[] | undefined {
  const bindings: FrameworkBinding[] = [];
  /** Offsets of the opening quotes of the module names read below. */
  const read = new Set<number>();
  const quoteOf = (match: RegExpMatchArray, quote: string, module: string): number => match.index! + match[0].lastIndexOf(quote + module + quote);
  for (const match of text.matchAll(IMPORT_DECLARATION)) {
    const module = match[3]!;
    if (isFrameworkModule(module) && match[1] && !addImportClause(match[1], bindings)) return undefined;
    read.add(quoteOf(match, match[2]!, module));
  }
  for (const match of text.matchAll(EXPORT_FROM)) read.add(quoteOf(match, match[1]!, match[2]!));
  for (const match of text.matchAll(REQUIRE_BINDING)) {
    const module = match[3]!;
    if (isFrameworkModule(module) && !addPattern(match[1]!, bindings)) return undefined;
    read.add(quoteOf(match, match[2]!, module));
  }
  for (const match of text.matchAll(MODULE_SOURCE)) {
    if (isFrameworkModule(match[2]!) && !read.has(quoteOf(match, match[1]!, match[2]!))) return undefined;
  }
  return bindings;
}

/** `Default, { a, b as c, type d }`, `* as ns`, `Default`; false for anything else in the braces. */
function addImportClause(clause: string, bindings: FrameworkBinding[]): boolean {
  const brace = clause.indexOf('{');
  const star = /\*\s*as\s+([\w$]+)/.exec(clause);
  const head = (brace >= 0 ? clause.slice(0, brace) : star ? clause.slice(0, star.index) : clause).replace(/,\s*$/, '').trim();
  if (head) bindings.push({ local: head, imported: 'default' });
  if (star) bindings.push({ local: star[1]!, imported: '*' });
  return brace < 0 || addElements(clause.slice(brace + 1, clause.lastIndexOf('}')), IMPORT_ELEMENT, bindings);
}

/** `{ a, b: c, d = 1 }` or `x` on the left of a `require`; false for anything else in the braces. */
function addPattern(pattern: string, bindings: FrameworkBinding[]): boolean {
  if (!pattern.startsWith('{')) {
    bindings.push({ local: pattern, imported: '*' });
    return true;
  }
  return addElements(pattern.slice(1, -1), PATTERN_ELEMENT, bindings);
}

const IMPORT_ELEMENT = /^\s*(?:type\s+)?([\w$]+)(?:\s+as\s+([\w$]+))?\s*$/;
const PATTERN_ELEMENT = /^\s*([\w$]+)(?:\s*:\s*([\w$]+))?\s*(?:=[^,]*)?$/;

function addElements(list: string, element: RegExp, bindings: FrameworkBinding[]): boolean {
  for (const part of list.split(',')) {
    if (!part.trim()) continue;
    const found = element.exec(part);
    if (!found) return false;
    bindings.push({ local: found[2] ?? found[1]!, imported: found[1]! });
  }
  return true;
}
