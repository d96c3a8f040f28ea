import type { RuleDefinition } from '../rule';
import { autoApproval } from './auto-approval';
import { broadOauthScope } from './broad-oauth-scope';
import { cloudAdmin } from './cloud-admin';
import { filesystemRoot } from './filesystem-root';
import { networkExfiltration } from './network-exfiltration';
import { unprotectedSecrets } from './unprotected-secrets';
import { unrestrictedShell } from './unrestricted-shell';
import { unsafeHook } from './unsafe-hook';

/**
 * grants/* rules whose findings come from configuration (MCP configs, Claude Code settings, IAM, RBAC, CI files).
 * unrestricted-shell and broad-oauth-scope also read code; the code side of unrestricted-shell is
 * src/core/code/shell.ts.
 */
export const CONFIG_GRANT_RULES: RuleDefinition[] = [filesystemRoot, unrestrictedShell, cloudAdmin, broadOauthScope, autoApproval, unsafeHook, unprotectedSecrets, networkExfiltration];
