import { parseTree, visit, type ParseErrorCode, printParseErrorCode } from 'jsonc-parser';
import type { NamedValue } from '../secrets/detect';

export interface JsonScan {
  namedValues: NamedValue[];
  errors: { offset: number; length: number; message: string }[];
}

/**
 * Every string value in a JSON/JSONC document with the property name it sits under. jsonc-parser's visitor is
 * iterative (no recursion), so deep nesting cannot overflow the stack. Header-style arrays `["x-api-key", "…"]`
 * pair up too.
 */
export function scanJson(text: string): JsonScan {
  const namedValues: NamedValue[] = [];
  const errors: JsonScan['errors'] = [];
  let currentProperty: string | undefined;
  const arrayStack: { items: { value: unknown; offset: number; length: number }[] }[] = [];

  visit(
    text,
    {
      onObjectProperty: (property) => {
        currentProperty = property;
      },
      onObjectBegin: () => {
        currentProperty = undefined;
      },
      onArrayBegin: () => {
        arrayStack.push({ items: [] });
      },
      onArrayEnd: () => {
        const array = arrayStack.pop();
        const items = array?.items ?? [];
        if (items.length === 2 && typeof items[0]!.value === 'string' && typeof items[1]!.value === 'string') {
          const valueItem = items[1]!;
          namedValues.push(stringValue(text, items[0]!.value as string, valueItem.value as string, valueItem.offset, valueItem.length));
        }
      },
      onLiteralValue: (value, offset, length) => {
        const array = arrayStack[arrayStack.length - 1];
        if (array && array.items.length < 3) array.items.push({ value, offset, length });
        if (typeof value === 'string' && currentProperty !== undefined) {
          namedValues.push(stringValue(text, currentProperty, value, offset, length));
        }
      },
      onError: (error: ParseErrorCode, offset, length) => {
        if (errors.length < 20) errors.push({ offset, length, message: printParseErrorCode(error) });
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  return { namedValues, errors };
}

function stringValue(text: string, name: string, value: string, offset: number, length: number): NamedValue {
  const start = offset + 1;
  const end = offset + length - 1;
  return { name, value, start, end, exact: text.slice(start, end) === value };
}

/** The jsonc-parser syntax tree (comments and trailing commas allowed); offsets for every node. */
export function parseJsonTree(text: string): import('jsonc-parser').Node | undefined {
  return parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
}
