import { parseTree } from 'jsonc-parser';
import { isProsePath } from '../../configs/kind';
import { forEachActiveLine } from '../../configs/lines';
import {
  configTrees,
  escapesPrintableCharacters,
  forEachObject,
  forEachString,
  fromJson,
  getKey,
  objectsOf,
  partRange,
  stringsOf,
  stringValue,
  type TreeObject,
  type TreeString,
  type TreeValue,
} from '../../configs/tree';
import { reportCapped } from '../../configs/report';
import type { AnalysisContext } from '../../context';
import { defineRule, OWASP } from '../rule';
import { appendAll } from '../../arrays';

const RULE = 'grants/cloud-admin';

export const cloudAdmin = defineRule({
  id: RULE,
  description:
    'A cloud identity is given administrator access: an IAM statement allowing "*" or a whole service on every resource, AdministratorAccess, GCP roles/owner or roles/editor, or Kubernetes cluster-admin or "*" verbs.',
  defaultSeverity: 'error',
  owasp: [OWASP.NHI5, OWASP.NHI6, OWASP.ASI03],
  fileKinds: ['json', 'yaml', 'text', 'python'],
  check(context: AnalysisContext) {
    if (isProsePath(context.path)) return;
    if (context.kind === 'json' || context.kind === 'yaml') checkTrees(context);
    scanText(context);
  },
});

interface Problem {
  node: { start: number; end: number };
  message: string;
}

/** A `Statement:` / `"statement":` / Serverless `statements:` key, also inside a JSON string (`\\"Statement\\":`). */
const IAM_HINT = /[Ss]tatements?(?:["']|\\")?\s{0,10}:/;
/** `kind: ClusterRole`, `"kind": "RoleBinding"` … */
const K8S_HINT = /kind["']?\s{0,10}:\s{0,10}["']?(?:Cluster)?Role(?:Binding)?\b/;

const FIX_IAM = 'List the actions the agent needs (for example "s3:GetObject") on the ARNs it needs; IAM Access Analyzer can generate such a policy from CloudTrail activity.';

function checkTrees(context: AnalysisContext): void {
  const { text } = context;
  // Cheap text tests first: most JSON/YAML files are none of these, and then no tree is built. A file that escapes a
  // printable character may spell any key or value so (`"St\u0061tement"`): every check reads its decoded tree.
  const escaped = escapesPrintableCharacters(context);
  const iam = escaped || IAM_HINT.test(text);
  const k8s = escaped || K8S_HINT.test(text);
  const gcp = escaped || text.includes('roles/owner') || text.includes('roles/editor');
  const managedNames = escaped || /AdministratorAccess|PowerUserAccess|IAMFullAccess/.test(text);
  if (!iam && !k8s && !gcp && !managedNames) return;
  for (const tree of configTrees(context)) {
    const problems: Problem[] = [];
    if (iam || k8s) {
      forEachObject(tree, (node) => {
        if (iam) appendAll(problems, policyProblems(node));
        if (k8s) appendAll(problems, rbacProblems(node));
      });
    }
    if (iam || gcp || managedNames) {
      forEachString(tree, (node, key) => {
        if (gcp) appendAll(problems, gcpProblems(node));
        if (managedNames) {
          const name = MANAGED_POLICY_KEYS.test(key ?? '') ? node.value.trim() : '';
          if (Object.hasOwn(MANAGED_POLICIES, name)) problems.push({ node, message: MANAGED_POLICIES[name as keyof typeof MANAGED_POLICIES] });
        }
        if (iam && node.value.length < 200_000 && node.value.trimStart().startsWith('{') && node.value.includes('Statement')) {
          // A policy document embedded as a JSON string (Terraform-JSON `policy`, CloudFormation string policies).
          const embedded = parseTree(node.value, [], { allowTrailingComma: true });
          if (!embedded) return;
          const inner: Problem[] = [];
          forEachObject(fromJson(embedded), (object) => appendAll(inner, policyProblems(object)));
          for (const problem of inner) problems.push({ node, message: problem.message });
        }
      });
    }
    for (const problem of problems) reportCapped(context, RULE, problem.node.start, problem.node.end, problem.message);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// AWS IAM policy statements (policy JSON, CloudFormation/SAM/Serverless, Terraform-JSON aws_iam_policy_document)

function policyProblems(node: TreeObject): Problem[] {
  const problems: Problem[] = [];
  const aws = getKey(node, 'Statement', true);
  if (aws) {
    // `statement` in lower case is Terraform's block; `Statement` is a policy document.
    const terraform = !getKey(node, 'Statement') && getKey(node, 'statement') !== undefined;
    for (const statement of objectsOf(aws)) appendAll(problems, statementProblems(statement, terraform));
  }
  // Serverless Framework: `provider.iam.role.statements`, and the older `provider.iamRoleStatements`.
  for (const key of ['statements', 'iamRoleStatements']) {
    for (const statement of objectsOf(getKey(node, key))) appendAll(problems, statementProblems(statement, false));
  }
  return problems;
}

function statementProblems(statement: TreeObject, terraform: boolean): Problem[] {
  const key = (aws: string, tf: string) => getKey(statement, terraform ? tf : aws, true);
  const actions = key('Action', 'actions');
  const notActions = key('NotAction', 'not_actions');
  if (terraform ? actions === undefined && notActions === undefined : key('Effect', 'effect') === undefined) return [];
  const effect = stringValue(key('Effect', 'effect'));
  // Terraform's `effect` defaults to Allow; a policy document must say.
  if (effect === undefined ? !terraform : effect.trim().toLowerCase() !== 'allow') return [];
  // A resource-based policy (KMS key policy, bucket policy): its `Resource: "*"` means "this resource".
  if (key('Principal', 'principals') || key('NotPrincipal', 'not_principals')) return [];

  const notResources = key('NotResource', 'not_resources');
  const resources = stringsOf(key('Resource', 'resources'));
  const everywhere = notResources !== undefined || resources.some((resource) => isAccountWide(resource.value));
  const problems: Problem[] = [];
  if (notActions) {
    problems.push({
      node: notActions,
      message: `This IAM statement allows every action except the ones in ${terraform ? 'not_actions' : 'NotAction'}, including actions AWS adds later. Allow the actions the agent needs with ${terraform ? 'actions' : 'Action'} instead.`,
    });
  }
  if (!everywhere) return problems;
  const wide = resources.find((resource) => isAccountWide(resource.value))?.value.trim();
  const where = wide === undefined ? `on every resource outside ${terraform ? 'not_resources' : 'NotResource'}` : wide === '*' ? 'on every resource ("*")' : `on every resource of the account ("${wide}")`;
  for (const action of stringsOf(actions)) {
    const value = action.value.trim();
    if (value === '*' || value === '*:*') {
      problems.push({ node: action, message: `This IAM statement allows every action ("${value}") ${where}: full administrator access. ${FIX_IAM}` });
    } else if (/^[a-z0-9-]{1,64}:\*$/i.test(value)) {
      const service = value.slice(0, -2);
      problems.push({ node: action, message: `This IAM statement allows every ${service} action ("${value}") ${where}: administrator of ${service} in the account${service.toLowerCase() === 'iam' ? ', which includes granting itself anything' : ''}. ${FIX_IAM}` });
    }
  }
  return problems;
}

/** `*`, `arn:aws:s3:::*`, `arn:aws:iam::123456789012:*`, `arn:aws:*:*:*:*`: every resource of a service or account. */
function isAccountWide(resource: string): boolean {
  const value = resource.trim();
  if (value === '*' || value === 'arn:*') return true;
  if (!value.startsWith('arn:')) return false;
  const parts = value.split(':');
  if (parts.length < 6) return false;
  return parts[2] === '*' || parts.slice(5).join(':') === '*';
}

const MANAGED_POLICIES = {
  AdministratorAccess: 'The AWS managed policy AdministratorAccess gives full control of the AWS account. Write a policy with the actions and resources the agent needs; IAM Access Analyzer can generate one from CloudTrail activity.',
  PowerUserAccess: 'The AWS managed policy PowerUserAccess allows every action except IAM and Organizations management: nearly full control of the account. Write a policy with the actions and resources the agent needs.',
  IAMFullAccess: 'The AWS managed policy IAMFullAccess lets its holder create roles and users with any permissions, so it is administrator access one step away. Grant the specific IAM actions the agent needs on specific roles, or none.',
} as const;

/** Keys that take managed policy names or ARNs (SAM `Policies`, CloudFormation `ManagedPolicyArns`, Terraform `policy_arn`). */
const MANAGED_POLICY_KEYS = /^(?:Policies|ManagedPolicyArns|managed_policy_arns|policy_arn|policy_arns|PolicyArn|PolicyArns)$/;

/**
 * What comes right before an ARN that is compared, not attached: a policy check looking for it (CloudFormation
 * Guard's `some Properties.ManagedPolicyArns[*] == 'arn:…/AdministratorAccess'`, a Rego or Python `!=`, `in`).
 */
const COMPARED = /(?:[=!]==?|<>|\b(?:not[ \t]{1,8})?in|\bIN)[ \t]{0,8}(?:\[[ \t]{0,8})?(?:\$\{[^}]{0,40}\}[ \t]{0,8})?["'`]?$/;

/** Attachments by ARN, in any JSON/YAML/Terraform/script text (`arn:aws:iam::aws:policy/AdministratorAccess`). */
const MANAGED_POLICY_ARN = /arn:(?:aws[a-z-]{0,12}|\$\{AWS::Partition\}):iam::aws:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)(?![\w-])/g;

// ---------------------------------------------------------------------------------------------------------------
// GCP: basic roles

const GCP_BASIC = /^(?:[\w.-]{1,200}=>)?roles\/(owner|editor)$/;
const GCP_ROLE_FLAG = /--role(?:=|[ \t]{1,10})["']?(roles\/(?:owner|editor))(?![\w.\/-])/g;
const GCP_ROLE_ANYWHERE = /(?<![\w.\/-])roles\/(?:owner|editor)(?![\w.\/-])/g;

function gcpMessage(role: string): string {
  const what = role === 'roles/owner' ? 'full control of every resource in the project, including its IAM policy' : 'write access to nearly every resource in the project';
  return `The GCP basic role ${role} gives ${what}. Grant predefined roles for the services the agent uses (for example roles/storage.objectViewer), or a custom role.`;
}

function gcpProblems(node: TreeString): Problem[] {
  const exact = GCP_BASIC.exec(node.value.trim());
  if (exact) return [{ node, message: gcpMessage(`roles/${exact[1]}`) }];
  return [];
}

function gcpFlagProblems(text: string, node: TreeString): Problem[] {
  if (!node.value.includes('--role')) return [];
  const problems: Problem[] = [];
  for (const match of node.value.matchAll(GCP_ROLE_FLAG)) {
    const from = match.index! + match[0].length - match[1]!.length;
    const [start, end] = partRange(text, node, from, from + match[1]!.length);
    problems.push({ node: { start, end }, message: gcpMessage(match[1]!) });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Kubernetes RBAC

/** Resources where "every verb" means taking over the cluster or reading its credentials. */
const SENSITIVE_RESOURCES = new Set([
  'secrets', 'roles', 'rolebindings', 'clusterroles', 'clusterrolebindings', 'serviceaccounts', 'serviceaccounts/token',
  'pods/exec', 'pods/attach', 'nodes', 'nodes/proxy', 'certificatesigningrequests', 'validatingwebhookconfigurations',
  'mutatingwebhookconfigurations', 'customresourcedefinitions',
]);

function rbacProblems(node: TreeObject): Problem[] {
  const kind = stringValue(getKey(node, 'kind'))?.trim();
  if (!kind) return [];
  const apiVersion = stringValue(getKey(node, 'apiVersion'));
  if (apiVersion !== undefined && !apiVersion.startsWith('rbac.authorization.k8s.io')) return [];
  const name = stringValue(getKey(getKey(node, 'metadata'), 'name'));
  const what = `${kind}${name ? ` "${name}"` : ''}`;
  if (kind === 'Role' || kind === 'ClusterRole') return roleProblems(what, kind, getKey(node, 'rules'));
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const roleName = getKey(getKey(node, 'roleRef'), 'name');
    if (roleName?.type === 'string' && roleName.value.trim() === 'cluster-admin') {
      const scope = kind === 'ClusterRoleBinding' ? 'every namespace of the cluster' : 'its namespace';
      return [{
        node: roleName,
        message: `This ${what} grants cluster-admin: every action on every resource in ${scope}, including Secrets and RBAC. Bind a Role that lists the verbs and resources the agent needs.`,
      }];
    }
  }
  return [];
}

function roleProblems(what: string, kind: string, rules: TreeValue | undefined): Problem[] {
  const problems: Problem[] = [];
  const everywhere = kind === 'ClusterRole' ? 'in the whole cluster' : 'in its namespace';
  for (const rule of objectsOf(rules)) {
    const star = (items: TreeString[]) => items.find((item) => item.value.trim() === '*');
    const verbs = stringsOf(getKey(rule, 'verbs'));
    const resources = stringsOf(getKey(rule, 'resources'));
    const starVerb = star(verbs);
    const starResource = star(resources);
    const starGroup = star(stringsOf(getKey(rule, 'apiGroups')));
    const starUrl = star(stringsOf(getKey(rule, 'nonResourceURLs')));
    const sensitive = resources.map((resource) => resource.value.trim()).filter((resource) => SENSITIVE_RESOURCES.has(resource));
    const fix = 'List the verbs (get, list, watch …) and the resources the agent needs.';
    if (starVerb && (starResource || starGroup || starUrl || sensitive.length)) {
      const on = starResource && starGroup
        ? `every resource in every API group ${everywhere}: the same as cluster-admin`
        : starResource
          ? `every resource of its API groups ${everywhere}`
          : starGroup
            ? `these resources in every API group ${everywhere}`
            : starUrl
              ? 'every non-resource URL'
              : `${sensitive.join(', ')} ${everywhere}: enough to read credentials or grant itself more access`;
      problems.push({ node: starVerb, message: `This ${what} allows every verb ("*") on ${on}. ${fix}` });
    } else if (starResource && starGroup) {
      problems.push({ node: starResource, message: `This ${what} covers every resource in every API group ${everywhere}, Secrets included. ${fix}` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Line scans: managed policy ARNs everywhere; GCP basic roles in text (Terraform, shell scripts) and in command
// lines inside JSON/YAML strings.

function scanText(context: AnalysisContext): void {
  const { text } = context;
  const arn = text.includes(':iam::aws:policy/');
  const gcp = text.includes('roles/owner') || text.includes('roles/editor');
  if (!arn && !gcp) return;
  if (gcp && text.includes('--role') && (context.kind === 'json' || context.kind === 'yaml')) {
    for (const tree of configTrees(context)) {
      forEachString(tree, (node) => {
        for (const problem of gcpFlagProblems(text, node)) reportCapped(context, RULE, problem.node.start, problem.node.end, problem.message);
      });
    }
  }
  forEachActiveLine(text, (line, lineStart) => {
    if (arn && line.includes(':iam::aws:policy/')) {
      for (const match of line.matchAll(MANAGED_POLICY_ARN)) {
        if (COMPARED.test(line.slice(Math.max(0, match.index! - 40), match.index))) continue;
        const name = match[1] as keyof typeof MANAGED_POLICIES;
        reportCapped(context, RULE, lineStart + match.index!, lineStart + match.index! + match[0].length, MANAGED_POLICIES[name]);
      }
    }
    if (gcp && context.kind === 'text' && line.includes('roles/')) {
      for (const match of line.matchAll(GCP_ROLE_ANYWHERE)) {
        reportCapped(context, RULE, lineStart + match.index!, lineStart + match.index! + match[0].length, gcpMessage(match[0]));
      }
    }
  });
}
