// Loaded by mocha before every test file (package.json "mocha.require"). The CLI's warm audit process (`audit
// --daemon`, which the installed pre-commit hook runs) would outlive the tests that commit through the hook, one per
// temporary cache directory: it is off unless a test turns it on for the processes it starts
// (test/integration/daemon.test.ts).
if (process.env.AGENT_GUARDRAIL_DAEMON === undefined) process.env.AGENT_GUARDRAIL_DAEMON = '0';
