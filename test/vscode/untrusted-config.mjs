// What the untrusted copy of examples/ carries in the Restricted Mode window (test/vscode/suite/untrusted.ts):
// a repository trying to switch off the rules that guard against it. Shared by run-code-server.mjs and run-electron.mjs.
export const UNTRUSTED_CONFIG = {
  '.agent-guardrail.yaml': 'rules:\n  secrets/*: off\n  grants/*: off\n  ownership/*: off\n',
  '.vscode/settings.json': JSON.stringify({ 'agentGuardrail.rules': { 'secrets/*': 'off', 'grants/*': 'off' } }, null, 2) + '\n',
};
