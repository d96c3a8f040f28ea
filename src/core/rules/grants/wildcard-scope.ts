import type { AnalysisContext } from '../../context';
import { forEachManifest, MANIFEST_KINDS } from '../manifest-helpers';
import { defineRule, OWASP } from '../rule';
import { isWildcardGrant } from './wildcards';

export const wildcardScope = defineRule({
  id: 'grants/wildcard-scope',
  description: 'A manifest credential or tool carries a wildcard or admin scope (`*`, `all`, `admin`, `*:*`, `tickets:*`).',
  defaultSeverity: 'error',
  owasp: [OWASP.NHI5, OWASP.ASI03],
  fileKinds: MANIFEST_KINDS,
  check(context: AnalysisContext) {
    forEachManifest(context, (manifest, at) => {
      const check = (owner: string, scopes: string[], path: (string | number)[]) => {
        scopes.forEach((scope, index) => {
          if (!isWildcardGrant(scope)) return;
          const [start, end] = at([...path, 'scopes', index]);
          context.report('grants/wildcard-scope', start, end, `${owner} has the scope "${scope}", which grants everything. Use the narrowest scopes the task needs.`);
        });
      };
      manifest.credentials.forEach((credential, index) => check(`Credential "${credential.name}"`, credential.scopes, ['spec', 'credentials', index]));
      manifest.tools.forEach((tool, index) => check(`Tool "${tool.name}"`, tool.scopes, ['spec', 'tools', index]));
    });
  },
});
