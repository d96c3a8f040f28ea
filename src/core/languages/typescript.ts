import type { ts as TsNamespace } from 'ts-morph';
import type { FoldedValue, NamedValue } from '../secrets/detect';

type Ts = typeof TsNamespace;
let tsModule: Ts | undefined;

/** TypeScript (through ts-morph, so one copy is bundled) is loaded on first use only: most runs start faster. */
export function loadTypeScript(): Ts {
  if (!tsModule) tsModule = (require('ts-morph') as typeof import('ts-morph')).ts;
  return tsModule;
}

export type SourceFile = TsNamespace.SourceFile;
type Node = TsNamespace.Node;
type Expression = TsNamespace.Expression;

export function scriptKindFor(path: string): TsNamespace.ScriptKind {
  const ts = loadTypeScript();
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Parse only: no program, no binder, no type checker. JSDoc is not parsed (we read comments as text). */
export function parseSourceFile(path: string, text: string): SourceFile {
  const ts = loadTypeScript();
  return ts.createSourceFile(
    path,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKindFor(path),
  );
}

export function syntaxErrorCount(sourceFile: SourceFile): number {
  return (sourceFile as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
}

/**
 * Calls whose positional arguments take a credential whatever they are called: `new WebClient(token)`,
 * `new Stripe(key)`, `jwt.sign(payload, secret)`, `createHmac('sha256', secret)` …
 */
const CREDENTIAL_ARGUMENTS = new Map<string, number[]>(Object.entries({
  WebClient: [0],
  Stripe: [0],
  HfInference: [0],
  InferenceClient: [0],
  Resend: [0],
  Twilio: [1],
  twilio: [1],
  Telegraf: [0],
  TelegramBot: [0],
  Bot: [0],
  setApiKey: [0],
  setToken: [0],
  setAuth: [0],
  sign: [1],
  verify: [1],
  createHmac: [1],
  Octokit: [],
  Groq: [],
}));

const HEADER_SETTERS = new Set(['set', 'append', 'setHeader', 'header', 'setRequestHeader', 'add']);

export interface SecretContexts {
  namedValues: NamedValue[];
  foldedValues: FoldedValue[];
}

/** Collect every string value that sits under a name, and every constant concatenation, in one walk. */
export function collectSecretContexts(sourceFile: SourceFile): SecretContexts {
  const ts = loadTypeScript();
  const text = sourceFile.text;
  const namedValues: NamedValue[] = [];
  const foldedValues: FoldedValue[] = [];
  const K = ts.SyntaxKind;

  const nameOf = (node: Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isComputedPropertyName(node) && ts.isStringLiteralLike(node.expression)) return node.expression.text;
    if (ts.isPropertyAccessExpression(node)) return node.name.text;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
    return undefined;
  };

  /** `process.env.X`, `process.env['X']`, `import.meta.env.X`, `Bun.env.X`, `Deno.env.get('X')`: the variable name. */
  const envReadName = (node: Expression): string | undefined => {
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && isEnvObject(node.expression)) {
      return nameOf(node);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get' && isEnvObject(node.expression.expression)) {
      const [first] = node.arguments;
      return first && ts.isStringLiteralLike(first) ? first.text : undefined;
    }
    return undefined;
  };
  const isEnvObject = (node: Expression): boolean => {
    const source = node.getText(sourceFile);
    return source === 'process.env' || source === 'import.meta.env' || source === 'Bun.env' || source === 'Deno.env';
  };

  /** Fold `'a' + 'b' + \`c\`` into one string; undefined if any part is not a constant string. */
  const fold = (node: Expression): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isParenthesizedExpression(node)) return fold(node.expression);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === K.PlusToken) {
      const left = fold(node.left);
      if (left === undefined) return undefined;
      const right = fold(node.right);
      return right === undefined ? undefined : left + right;
    }
    return undefined;
  };

  const unwrap = (node: Expression): Expression => {
    let current = node;
    for (;;) {
      if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current)) {
        current = current.expression;
      } else return current;
    }
  };

  const addValue = (name: string | undefined, initializer: Expression | undefined, credentialPosition = false): void => {
    if (!initializer || (!name && !credentialPosition)) return;
    let expression = unwrap(initializer);
    let valueName = name ?? '';
    // Env fallbacks: `process.env.OPENAI_API_KEY ?? 'sk-…'`, `|| '…'`. The env var name names the value.
    if (ts.isBinaryExpression(expression) && (expression.operatorToken.kind === K.QuestionQuestionToken || expression.operatorToken.kind === K.BarBarToken)) {
      const envName = envReadName(unwrap(expression.left));
      if (envName) valueName = envName;
      expression = unwrap(expression.right);
    }
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      const start = expression.getStart(sourceFile) + 1;
      const end = expression.end - 1;
      namedValues.push({ name: valueName, value: expression.text, start, end, credentialPosition, exact: text.slice(start, end) === expression.text });
      return;
    }
    const folded = fold(expression);
    if (folded !== undefined) {
      namedValues.push({ name: valueName, value: folded, start: expression.getStart(sourceFile), end: expression.end, credentialPosition, exact: false });
    }
  };

  const visitCall = (node: TsNamespace.CallExpression | TsNamespace.NewExpression): void => {
    const callee = nameOf(node.expression as Node);
    const args = node.arguments ?? [];
    for (const index of (callee && CREDENTIAL_ARGUMENTS.get(callee)) || []) addValue(undefined, args[index], true);
    // headers.set('Authorization', 'Bearer …'), res.setHeader('x-api-key', '…')
    if (callee && HEADER_SETTERS.has(callee) && args.length >= 2 && ts.isStringLiteralLike(args[0]!)) {
      addValue(args[0].text, args[1]);
    }
  };

  const visit = (node: Node): void => {
    switch (node.kind) {
      case K.PropertyAssignment: {
        const property = node as TsNamespace.PropertyAssignment;
        addValue(nameOf(property.name), property.initializer);
        break;
      }
      case K.VariableDeclaration: {
        const declaration = node as TsNamespace.VariableDeclaration;
        addValue(nameOf(declaration.name), declaration.initializer);
        break;
      }
      case K.Parameter: {
        const parameter = node as TsNamespace.ParameterDeclaration;
        addValue(nameOf(parameter.name), parameter.initializer);
        break;
      }
      case K.PropertyDeclaration: {
        const property = node as TsNamespace.PropertyDeclaration;
        addValue(nameOf(property.name), property.initializer);
        break;
      }
      case K.BindingElement: {
        const element = node as TsNamespace.BindingElement;
        addValue(nameOf(element.name), element.initializer);
        break;
      }
      case K.EnumMember: {
        const member = node as TsNamespace.EnumMember;
        addValue(nameOf(member.name), member.initializer);
        break;
      }
      case K.JsxAttribute: {
        const attribute = node as TsNamespace.JsxAttribute;
        const initializer = attribute.initializer;
        const value = initializer && ts.isJsxExpression(initializer) ? initializer.expression : initializer;
        addValue(nameOf(attribute.name as Node), value as Expression | undefined);
        break;
      }
      case K.BinaryExpression: {
        const binary = node as TsNamespace.BinaryExpression;
        const operator = binary.operatorToken.kind;
        if (operator === K.EqualsToken) {
          addValue(nameOf(unwrap(binary.left)), binary.right);
        } else if (operator === K.EqualsEqualsEqualsToken || operator === K.EqualsEqualsToken || operator === K.ExclamationEqualsEqualsToken || operator === K.ExclamationEqualsToken) {
          // `if (req.headers['x-api-key'] === 'live-…')`: a hardcoded credential compared against input.
          addValue(nameOf(unwrap(binary.left)), binary.right);
        } else if (operator === K.PlusToken) {
          const folded = fold(binary);
          if (folded !== undefined) {
            foldedValues.push({ value: folded, start: binary.getStart(sourceFile), end: binary.end });
            return;
          }
        }
        break;
      }
      case K.CallExpression:
      case K.NewExpression:
        visitCall(node as TsNamespace.CallExpression);
        break;
      case K.ArrayLiteralExpression: {
        // Header tuples: new Headers([['x-api-key', '…']])
        const elements = (node as TsNamespace.ArrayLiteralExpression).elements;
        if (elements.length === 2 && ts.isStringLiteralLike(elements[0]!)) addValue(elements[0].text, elements[1]);
        break;
      }
    }
    ts.forEachChild(node, visit);
  };

  ts.forEachChild(sourceFile, visit);
  return { namedValues, foldedValues };
}
