/**
 * Fixes for a secret written into TypeScript/JavaScript: use a broker-issued credential, read an environment
 * variable, AWS temporary credentials for an AWS key pair, a GitHub App installation token for a GitHub token.
 *
 * Where the broker call goes:
 * - where `await` is allowed (an async function's body, the top level of a native ES module), the literal becomes
 *   `await credentials.get('<name>')`;
 * - elsewhere (a non-async function, a class field, a default parameter, a getter, the top level of a CommonJS or
 *   compiled module, JSX) it becomes `credentials.getSync('<name>')`, which reads the module's cache: the title
 *   says to call `await credentials.preload('<name>')` once at startup, which also keeps the credential fresh.
 * A secret inside a longer string (`'Bearer sk-…'`) becomes a template literal around the call; inside a template
 * literal, a `${…}` substitution. The secret's text is never copied: every replacement is built from names.
 */
import type { ts as TsNamespace } from 'ts-morph';
import type { Broker, ResolvedConfig } from '../config';
import { loadTypeScript, syntaxErrorCount } from '../languages/typescript';
import type { Finding } from '../types';
import { BROKER_TEMPLATES, type BrokerTemplate } from './brokers';
import { declaresName, importEdit, parseForFix, locateCredentialsModule, moduleStyle, scaffoldEdit, type ModuleStyle } from './code-style';
import { credentialNameFor, envNameFor } from './names';
import { ROTATE_FOLLOW_UP, ROTATE_TITLE } from './rotate';
import { eolOf } from './text';
import type { FileEdit, Fix, FixChoice, SecretFixInput } from './types';
import type { FixWorkspace } from './workspace';
import { appendAll } from '../arrays';

type Node = TsNamespace.Node;
type SourceFile = TsNamespace.SourceFile;

/** Where the secret sits in the syntax tree, and how an expression replaces it there. */
interface Site {
  node: Node;
  /** Replace the secret with an expression: the edit for the finding's own file. */
  replace: (expression: string, isAwait: boolean) => FileEdit;
  /** The name the value is assigned to (`apiKey`, `OPENAI_KEY`, a header name). */
  assignedName?: string;
  awaitAllowed: boolean;
}

export function codeSecretFixes(input: SecretFixInput): Fix[] {
  const { path, text, finding } = input;
  let sourceFile: SourceFile;
  try {
    sourceFile = parseForFix(path, text);
  } catch {
    return [];
  }
  if (syntaxErrorCount(sourceFile)) return [];
  const style = moduleStyle(path, sourceFile, input.workspace);
  const site = locate(sourceFile, finding.startOffset, finding.endOffset, style);
  if (!site) return [];
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix' as const };
  const fixes: Fix[] = [];

  const special = finding.provider === 'aws-access-key-id' || finding.provider === 'aws-secret-access-key' ? awsFixes(input, sourceFile, style, site) : finding.provider === 'github' || finding.provider === 'github-fine-grained' ? githubAppFixes(input, sourceFile, style, site) : [];
  appendAll(fixes, special);

  const envName = envNameFor(finding.provider, site.assignedName);
  const credentialName = credentialNameFor(envName);
  fixes.push(brokerFix(input, sourceFile, style, site, credentialName, special.length === 0));
  fixes.push({
    ...base,
    title: `Read from environment variable ${envName} (${ROTATE_TITLE})`,
    safe: false,
    edits: [site.replace(`process.env.${envName}`, false)],
    followUp: `Set ${envName} where the code runs. ${ROTATE_FOLLOW_UP}`,
  });
  return fixes;
}

function brokerFix(input: SecretFixInput, sourceFile: SourceFile, style: ModuleStyle, site: Site, credentialName: string, preferred: boolean): Fix {
  const { path, finding, config, workspace } = input;
  const module = locateCredentialsModule(path, style, workspace);
  const binding = declaresName(sourceFile, 'credentials') && !importsFrom(sourceFile, module.specifier) ? 'brokerCredentials' : 'credentials';
  const call = site.awaitAllowed ? `await ${binding}.get('${credentialName}')` : `${binding}.getSync('${credentialName}')`;
  const edits: FileEdit[] = [site.replace(call, site.awaitAllowed)];
  const imported = importEdit(path, sourceFile, style, module.specifier, [binding === 'credentials' ? 'credentials' : 'credentials as brokerCredentials']);
  if (imported) edits.push(imported);
  const eol = eolOf(input.text);
  const preload = site.awaitAllowed ? '' : ` Call \`await ${binding}.preload('${credentialName}')\` once at startup: here \`await\` is not allowed, so the value is read from the module's cache.`;
  const editsFor = (broker: Broker): FileEdit[] => (module.exists ? edits : [...edits, scaffoldEdit(module, broker, style.esm, eol)]);
  const describe = (template: BrokerTemplate) =>
    `${module.exists ? '' : `Creates ${module.path} for ${template.label}${template.packages.length ? ` (install ${template.packages.join(', ')})` : ''}. `}Store the credential as "${credentialName}" in the broker.${preload} ${ROTATE_FOLLOW_UP}`;
  const fix: Fix = {
    ruleId: finding.ruleId,
    fingerprint: finding.fingerprint,
    kind: 'quickfix',
    title: `Use broker-issued credential '${credentialName}'${site.awaitAllowed ? '' : ' (preloaded)'} (${ROTATE_TITLE})`,
    safe: false,
    ...(preferred && { isPreferred: true }),
    edits: [],
  };
  // The configured broker; when the workspace has its module already, that module decides and no choice is needed.
  if (config.broker || module.exists) {
    const template = BROKER_TEMPLATES[config.broker ?? 'env'];
    return { ...fix, title: module.exists ? fix.title : `${fix.title.replace(/ \(rotate/, ` via ${template.label} (rotate`)}`, edits: editsFor(template.id), followUp: describe(template) };
  }
  const choices: FixChoice[] = Object.values(BROKER_TEMPLATES).map((template) => ({ value: template.id, label: template.label, detail: template.detail, edits: editsFor(template.id) }));
  return { ...fix, choose: { setting: 'agentGuardrail.broker', prompt: 'Which credential broker issues credentials in this workspace?', choices }, followUp: `Store the credential as "${credentialName}" in the broker.${preload} ${ROTATE_FOLLOW_UP}` };
}

function importsFrom(sourceFile: SourceFile, specifier: string): boolean {
  const ts = loadTypeScript();
  return sourceFile.statements.some((statement) => ts.isImportDeclaration(statement) && (statement.moduleSpecifier as TsNamespace.StringLiteral).text === specifier);
}

/** The deepest node that contains [start, end). */
function deepest(sourceFile: SourceFile, start: number, end: number): Node | undefined {
  const ts = loadTypeScript();
  let found: Node | undefined;
  const visit = (node: Node): void => {
    if (node.getStart(sourceFile) <= start && end <= node.end) {
      found = node;
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/** Positions where a string is syntax rather than a value: module names, property keys, types, directives. */
function isStructuralString(node: Node): boolean {
  const ts = loadTypeScript();
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent) || ts.isImportTypeNode(parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent) || ts.isEnumMember(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node) return true;
  if (ts.isComputedPropertyName(parent) || ts.isExpressionStatement(parent) || ts.isModuleDeclaration(parent)) return true;
  if (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isCaseClause(parent)) return true;
  return false;
}

/** Parentheses are needed around `await x` unless the parent takes any expression there. */
function needsParentheses(node: Node): boolean {
  const ts = loadTypeScript();
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isNonNullExpression(parent)) return parent.expression === node;
  if (ts.isTaggedTemplateExpression(parent)) return parent.tag === node;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) return true;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken) return true;
  if (ts.isPostfixUnaryExpression(parent)) return true;
  return false;
}

/** Can `await` be written where `node` is? */
function awaitAllowedAt(node: Node, style: ModuleStyle): boolean {
  const ts = loadTypeScript();
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isParameter(current) || ts.isPropertyDeclaration(current) || ts.isClassStaticBlockDeclaration(current) || ts.isDecorator(current)) return false;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isArrowFunction(current) || ts.isMethodDeclaration(current)) {
      return (ts.getModifiers(current) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
    }
    if (ts.isGetAccessor(current) || ts.isSetAccessor(current) || ts.isConstructorDeclaration(current)) return false;
    if (ts.isSourceFile(current)) return style.topLevelAwait;
  }
  return false;
}

/** `${`, backticks and backslashes as template-literal text; the raw text of a quoted string stays valid. */
function asTemplateText(raw: string): string {
  return raw.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function nameOf(node: Node | undefined): string | undefined {
  const ts = loadTypeScript();
  if (!node) return undefined;
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteralLike(node)) return node.text;
  return undefined;
}

/** The name a value is given: property, variable, JSX attribute, `headers.set('X-Api-Key', …)` … */
function assignedNameOf(node: Node): string | undefined {
  const ts = loadTypeScript();
  let current: Node = node;
  while (current.parent && (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isBinaryExpression(current.parent) || ts.isTemplateSpan(current.parent) || ts.isTemplateExpression(current.parent) || ts.isConditionalExpression(current.parent))) current = current.parent;
  const parent = current.parent;
  if (!parent) return undefined;
  if (ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent)) return nameOf(parent.name);
  if (ts.isJsxAttribute(parent)) return nameOf(parent.name as Node);
  if (ts.isJsxExpression(parent) && parent.parent && ts.isJsxAttribute(parent.parent)) return nameOf(parent.parent.name as Node);
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = parent.left;
    if (ts.isPropertyAccessExpression(left)) return left.name.text;
    if (ts.isElementAccessExpression(left)) return nameOf(left.argumentExpression);
    return nameOf(left);
  }
  // `headers.set('X-Api-Key', '…')`, `res.setHeader(…)`: the header name.
  if (ts.isCallExpression(parent) && parent.arguments.length >= 2 && parent.arguments[1] === current && ts.isPropertyAccessExpression(parent.expression) && /^(?:set|append|setHeader|header|setRequestHeader|add)$/.test(parent.expression.name.text)) return nameOf(parent.arguments[0]);
  return undefined;
}

function locate(sourceFile: SourceFile, start: number, end: number, style: ModuleStyle): Site | undefined {
  const ts = loadTypeScript();
  const node = deepest(sourceFile, start, end);
  if (!node) return undefined;
  const text = sourceFile.text;
  const nodeStart = node.getStart(sourceFile);
  const path = sourceFile.fileName;
  const edit = (startOffset: number, endOffset: number, newText: string): FileEdit => ({ path, startOffset, endOffset, newText });
  const awaitAllowed = awaitAllowedAt(node, style);
  const common = { node, assignedName: assignedNameOf(node), awaitAllowed };

  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (isStructuralString(node)) return undefined;
    const contentStart = nodeStart + 1;
    const contentEnd = node.end - 1;
    const whole = start === contentStart && end === contentEnd;
    const inJsx = ts.isJsxAttribute(node.parent);
    const tagged = ts.isTaggedTemplateExpression(node.parent);
    if (ts.isNoSubstitutionTemplateLiteral(node) && (!whole || tagged)) {
      return { ...common, replace: (expression) => edit(start, end, `\${${expression}}`) };
    }
    if (whole) {
      return {
        ...common,
        replace: (expression, isAwait) => edit(nodeStart, node.end, inJsx ? `{${expression}}` : isAwait && needsParentheses(node) ? `(${expression})` : expression),
      };
    }
    const template = (expression: string) => `\`${asTemplateText(text.slice(contentStart, start))}\${${expression}}${asTemplateText(text.slice(end, contentEnd))}\``;
    return { ...common, replace: (expression) => edit(nodeStart, node.end, inJsx ? `{${template(expression)}}` : template(expression)) };
  }
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
    return { ...common, replace: (expression) => edit(start, end, `\${${expression}}`) };
  }
  if (ts.isBinaryExpression(node) && nodeStart === start && node.end === end) {
    return { ...common, replace: (expression, isAwait) => edit(start, end, isAwait && needsParentheses(node) ? `(${expression})` : expression) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// AWS key pair → temporary credentials or the default provider chain

/** `credentials: { accessKeyId: '…', secretAccessKey: '…' }`: the property, when the secret is one of its values. */
function awsCredentialsProperty(site: Site): TsNamespace.PropertyAssignment | undefined {
  const ts = loadTypeScript();
  const assignment = site.node.parent;
  if (!assignment || !ts.isPropertyAssignment(assignment) || assignment.initializer !== site.node) return undefined;
  const key = nameOf(assignment.name);
  if (key !== 'accessKeyId' && key !== 'secretAccessKey' && key !== 'sessionToken') return undefined;
  const object = assignment.parent;
  const holder = object.parent;
  if (!ts.isObjectLiteralExpression(object) || !holder || !ts.isPropertyAssignment(holder) || nameOf(holder.name) !== 'credentials') return undefined;
  return holder;
}

/** The property with its separator: the following comma, or the preceding one for the last property. */
function propertyRemoval(sourceFile: SourceFile, property: TsNamespace.ObjectLiteralElementLike): { startOffset: number; endOffset: number } {
  const text = sourceFile.text;
  const list = (property.parent as TsNamespace.ObjectLiteralExpression).properties;
  const index = list.indexOf(property);
  const start = property.getStart(sourceFile);
  const next = list[index + 1];
  if (next) return { startOffset: start, endOffset: next.getStart(sourceFile) };
  const previous = list[index - 1];
  if (previous) {
    // From after the comma that follows the previous property: a trailing comma stays as the file had it.
    let start = previous.end;
    while (start < property.pos && text[start] !== ',') start++;
    if (text[start] === ',') start++;
    let end = property.end;
    while (end < text.length && /[ \t]/.test(text[end]!)) end++;
    if (text[end] === ',') end++;
    return { startOffset: start, endOffset: end };
  }
  let end = property.end;
  if (text[end] === ',') end++;
  return { startOffset: start, endOffset: end };
}

function awsFixes(input: SecretFixInput, sourceFile: SourceFile, style: ModuleStyle, site: Site): Fix[] {
  const property = awsCredentialsProperty(site);
  if (!property) return [];
  const { finding, path } = input;
  const base = { ruleId: finding.ruleId, fingerprint: finding.fingerprint, kind: 'quickfix' as const, safe: false };
  const temporary = 'credentials: fromTemporaryCredentials({ params: { RoleArn: process.env.AWS_ROLE_ARN, DurationSeconds: 900 } })';
  const edits: FileEdit[] = [{ path, startOffset: property.getStart(sourceFile), endOffset: property.end, newText: temporary }];
  const declared = declaresName(sourceFile, 'fromTemporaryCredentials');
  if (!declared) {
    const imported = importEdit(path, sourceFile, style, '@aws-sdk/credential-providers', ['fromTemporaryCredentials']);
    if (imported) edits.push(imported);
  }
  return [
    {
      ...base,
      isPreferred: true,
      title: `Use AWS temporary credentials (STS AssumeRole, 15 minutes) (${ROTATE_TITLE})`,
      edits,
      followUp: `Set AWS_ROLE_ARN to the agent's IAM role and install @aws-sdk/credential-providers. Deactivate the access key in IAM: ${ROTATE_FOLLOW_UP}`,
    },
    {
      ...base,
      title: `Use the AWS default credential provider chain (${ROTATE_TITLE})`,
      edits: [{ path, ...propertyRemoval(sourceFile, property), newText: '' }],
      followUp: `The SDK then uses the workload's role (environment, SSO, instance or container credentials). Deactivate the access key in IAM: ${ROTATE_FOLLOW_UP}`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// GitHub token in `new Octokit({ auth: '…' })` → GitHub App installation token

function githubAppFixes(input: SecretFixInput, sourceFile: SourceFile, style: ModuleStyle, site: Site): Fix[] {
  const ts = loadTypeScript();
  const assignment = site.node.parent;
  if (!assignment || !ts.isPropertyAssignment(assignment) || assignment.initializer !== site.node || nameOf(assignment.name) !== 'auth') return [];
  const object = assignment.parent;
  const call = object.parent;
  if (!ts.isObjectLiteralExpression(object) || !call || !ts.isNewExpression(call) || call.arguments?.[0] !== object) return [];
  const callee = call.expression.getText(sourceFile);
  if (!/(?:^|\.)Octokit$/.test(callee) && !/^(?:ProbotOctokit|MyOctokit)$/.test(callee)) return [];
  if (object.properties.some((property) => nameOf(property.name) === 'authStrategy')) return [];
  const { finding, path } = input;
  const bang = style.typescript ? '!' : '';
  const replacement = `authStrategy: createAppAuth, auth: { appId: process.env.GITHUB_APP_ID${bang}, privateKey: process.env.GITHUB_APP_PRIVATE_KEY${bang}, installationId: process.env.GITHUB_APP_INSTALLATION_ID${bang} }`;
  const edits: FileEdit[] = [{ path, startOffset: assignment.getStart(sourceFile), endOffset: assignment.end, newText: replacement }];
  if (!declaresName(sourceFile, 'createAppAuth')) {
    const imported = importEdit(path, sourceFile, style, '@octokit/auth-app', ['createAppAuth']);
    if (imported) edits.push(imported);
  }
  return [
    {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: 'quickfix',
      safe: false,
      isPreferred: true,
      title: `Use a GitHub App installation token (@octokit/auth-app) (${ROTATE_TITLE})`,
      edits,
      followUp: `Create a GitHub App with only the permissions the agent needs, install it, and set GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID from your broker. Install @octokit/auth-app. Revoke the personal access token: ${ROTATE_FOLLOW_UP}`,
    },
  ];
}
