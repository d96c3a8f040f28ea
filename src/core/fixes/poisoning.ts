/**
 * supply-chain/tool-poisoning: invisible characters are deleted (whether written as themselves or as `\u…` escapes).
 * Other poisoning (markers, requests for secret files, shadowing) is text whose removal needs a person to read the
 * whole description: no automatic fix.
 */
import type { Finding } from '../types';
import type { Fix } from './types';

/** Only invisible characters, or only JS/JSON escapes of them. */
const INVISIBLE_ONLY = /^(?:[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\u180E\uFEFF\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F]|\uDB40[\uDC00-\uDDEF])+$/;
const ESCAPES_ONLY = /^(?:\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\})+$/;

export function poisoningFixes(path: string, text: string, finding: Finding): Fix[] {
  const flagged = text.slice(finding.startOffset, finding.endOffset);
  if (!INVISIBLE_ONLY.test(flagged) && !ESCAPES_ONLY.test(flagged)) return [];
  return [
    {
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      kind: 'quickfix',
      safe: true,
      isPreferred: true,
      title: 'Remove the invisible characters',
      edits: [{ path, startOffset: finding.startOffset, endOffset: finding.endOffset, newText: '' }],
    },
  ];
}
