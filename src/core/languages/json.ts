import { parseTree, visit, type ParseErrorCode, printParseErrorCode } from 'jsonc-parser';
import type { NamedValue } from '../secrets/detect';
import { flagItemName, listItemAssignment, namedItem, type ListItem } from './dotenv';
import { isBareKey, mayHoldAssignments, scanTextRange, sectionKeyNames } from './text';
import { appendAll } from '../arrays';

export interface JsonScan {
  namedValues: NamedValue[];
  errors: { offset: number; length: number; message: string }[];
}

/**
 * Every string value in a JSON/JSONC document with the property name it sits under (values in an array take the
 * array's property name). jsonc-parser's visitor recurses per nesting level: hostile nesting throws a RangeError,
 * which the caller turns into a note and a line scan. In arrays, header pairs `["x-api-key", "…"]`, CLI flags `["--api-key", "…"]`, `"--token=…"` and
 * `"OPENAI_API_KEY=…"` items are named too; string values holding a command line or a header
 * (`"curl -H 'x-api-key: …'"`) are scanned like text, and `{ "name": X, "value": … }` entries are named X.
 */
export function scanJson(text: string): JsonScan {
  const namedValues: NamedValue[] = [];
  const errors: JsonScan['errors'] = [];
  /** Open objects and arrays, innermost last. */
  const stack: Container[] = [];
  const top = (): Container | undefined => stack[stack.length - 1];

  /** A value (of any type) begins directly inside the innermost container. */
  const arrayChild = (item: ListItem | undefined): void => {
    const array = top();
    if (!array || array.kind !== 'array') return;
    array.count++;
    if (array.count === 1) array.first = item;
    else if (array.count === 2) array.second = item;
    if (item) {
      if (array.flag !== undefined) namedValues.push(namedItem(array.flag, item));
      const assignment = listItemAssignment(item);
      if (assignment) namedValues.push(assignment);
    }
    array.flag = item ? flagItemName(item.value) : undefined;
  };

  visit(
    text,
    {
      onObjectBegin: () => {
        arrayChild(undefined);
        stack.push({ kind: 'object', name: undefined });
      },
      onObjectProperty: (property) => {
        const object = top();
        if (object) object.name = property;
      },
      onObjectEnd: () => {
        // k8s / ECS env entries: `{ "name": "OPENAI_API_KEY", "value": "sk-…" }`
        const object = stack.pop();
        if (object?.kind === 'object' && object.entryName && object.entryValue) {
          namedValues.push(namedItem(object.entryName, object.entryValue));
        }
      },
      onArrayBegin: () => {
        arrayChild(undefined);
        stack.push({ kind: 'array', name: top()?.name, count: 0 });
      },
      onArrayEnd: () => {
        const array = stack.pop();
        if (array?.kind === 'array' && array.count === 2 && array.first && array.second) {
          namedValues.push(namedItem(array.first.value, array.second));
        }
      },
      onLiteralValue: (value, offset, length) => {
        if (typeof value !== 'string') {
          arrayChild(undefined);
          return;
        }
        const item = stringItem(text, value, offset, length);
        arrayChild(item);
        const container = top();
        const name = container?.name;
        if (name !== undefined) namedValues.push(namedItem(name, item));
        // A bare `"Key"` takes its section's name: `"OpenAI": { "Key": "…" }` is an OpenAI key.
        const section = stack.length > 1 ? stack[stack.length - 2]!.name : undefined;
        if (name !== undefined && section && isBareKey(name)) for (const alias of sectionKeyNames(section)) namedValues.push(namedItem(alias, item));
        if (container?.kind === 'object') {
          if (name === 'name') container.entryName = value;
          else if (name === 'value') container.entryValue = item;
        }
        if (mayHoldAssignments(value)) appendAll(namedValues, scanTextRange(text, item.start, item.end));
      },
      onError: (error: ParseErrorCode, offset, length) => {
        if (errors.length < 20) errors.push({ offset, length, message: printParseErrorCode(error) });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return { namedValues, errors };
}

type Container =
  | { kind: 'object'; name: string | undefined; entryName?: string; entryValue?: ListItem }
  | { kind: 'array'; name: string | undefined; count: number; first?: ListItem; second?: ListItem; flag?: string };

function stringItem(text: string, value: string, offset: number, length: number): ListItem {
  const start = offset + 1;
  const end = offset + length - 1;
  return { value, start, end, exact: end - start === value.length && text.slice(start, end) === value };
}

/** The jsonc-parser syntax tree (comments and trailing commas allowed); offsets for every node. */
export function parseJsonTree(text: string): import('jsonc-parser').Node | undefined {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}
