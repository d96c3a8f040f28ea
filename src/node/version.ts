/** The tool's version (set by the bundler from package.json). */
export const TOOL_VERSION: string = process.env.AGENT_GUARDRAIL_VERSION ?? '0.0.0-dev';
