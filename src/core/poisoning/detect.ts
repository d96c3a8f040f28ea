/**
 * Tool poisoning: text in a tool's name or description (which the model reads, and the person approving a call
 * usually does not) that carries instructions for the model. Four detectors, each pointing at the exact characters:
 *
 * - hidden-instruction markers: `<IMPORTANT>`, `<SYSTEM>`, "ignore previous instructions", "do not tell the user" …
 * - invisible Unicode: tag characters (U+E0000–E007F, decoded into the text they hide), zero-width characters,
 *   bidirectional controls, Hangul fillers, runs of variation selectors;
 * - sensitive files the description asks the model to read or send (`~/.ssh`, `id_rsa`, `.env`, `~/.aws/credentials`,
 *   an MCP client config);
 * - shadowing: the description tells the model how to call, or not to call, another tool (one not defined next to it).
 *
 * Pure and linear: every regex is bounded, and the text is scanned once per detector. Examples that must and must not
 * match are in ./examples.ts (kept out of the shipped bundles), checked by a test.
 */

import { appendAll } from '../arrays';

export type PoisonKind = 'hidden-instruction' | 'invisible-unicode' | 'sensitive-file' | 'shadowing';

export interface PoisonMatch {
  kind: PoisonKind;
  /** Offsets into the scanned string (UTF-16 units). */
  start: number;
  end: number;
  /** What was found, for messages: quoted text, with invisible characters escaped. */
  what: string;
}

/** Where the text comes from: a tool's name (only invisible characters matter there) or a description. */
export type ToolTextRole = 'name' | 'description';

export interface ScanOptions {
  role: ToolTextRole;
  /** The tool the text belongs to, and the other tools defined next to it (references to those are guidance, not shadowing). */
  self?: string;
  siblings?: ReadonlySet<string>;
}

/** Tags and phrases that address the model over the user's head. */
const HIDDEN_MARKERS: readonly RegExp[] = [
  /<\/?\s{0,3}(?:important|system|system[_-]?prompt|instructions?|hidden|secret|admin|override|critical|assistant[_-]?only)\s{0,3}>/gi,
  /\[(?:system|inst|\/inst|important)\]|<\|im_start\|>|<<\/?sys>>|\{\{\s{0,3}system\s{0,3}\}\}/gi,
  // Not where a guard's description names the attack it looks for ("attempts to override system instructions").
  /(?<!\b(?:attempts?|attempting|tries|trying|try)\s{1,5}to\s{1,5})\b(?:ignore|disregard|forget|override)\s{1,5}(?:all\s{1,5}|any\s{1,5})?(?:of\s{1,5})?(?:the\s{1,5}|your\s{1,5})?(?:previous|prior|above|preceding|earlier|other|original|system)\s{1,5}(?:instructions?|directions?|rules|prompts?|guidelines|messages?)\b/gi,
  /\b(?:do\s{1,5}not|don'?t|never|must\s{1,5}not)\s{1,5}(?:tell|inform|notify|alert|mention\s{1,5}(?:this|it)\s{1,5}to|reveal\s{1,5}(?:this|it)\s{1,5}to|show\s{1,5}(?:this|it)\s{1,5}to)\s{1,5}the\s{1,5}user\b/gi,
  /\b(?:do\s{1,5}not|don'?t|never)\s{1,5}(?:mention|reveal|disclose)\s{1,5}(?:that|this|it|these|anything)\b/gi,
  /\bwithout\s{1,5}(?:telling|informing|notifying|alerting|asking)\s{1,5}the\s{1,5}user\b/gi,
  /\b(?:hide|conceal|keep)\s{1,5}(?:this|it|these\s{1,5}instructions)\s{1,5}(?:secret\s{1,5})?from\s{1,5}the\s{1,5}user\b/gi,
  /\bthe\s{1,5}user\s{1,5}(?:must|should|will)\s{1,5}not\s{1,5}(?:know|see|notice|be\s{1,5}told)\b/gi,
];

/**
 * Invisible or direction-changing characters: zero-width (U+200B–U+200D, U+2060–U+2064, U+FEFF), bidi controls
 * (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069), Hangul fillers and the Mongolian vowel separator, tag
 * characters (U+E0000–U+E007F as surrogate pairs) and variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF).
 */
const INVISIBLE_RUN = /(?:[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\u180E\uFEFF\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F]|\uDB40[\uDC00-\uDDEF])+/g;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]|\u20E3/u;

/** Secrets a description may ask the model to read: SSH keys, cloud credentials, .env files, MCP client configs. */
const SENSITIVE_FILE =
  /(?:~|\$HOME|%USERPROFILE%)?[\\/]?\.ssh(?:[\\/][\w.-]{1,60})?|\bid_(?:rsa|dsa|ecdsa|ed25519)\b|(?:~[\\/])?\.aws[\\/]credentials|~[\\/]\.aws\b|(?<![\w$.])\.env(?:\.(?:local|production|prod|development|dev))?(?![\w-])|\/etc\/(?:passwd|shadow)\b|(?:~[\\/])?\.(?:cursor|codeium[\\/]windsurf)[\\/]mcp(?:_config)?\.json|\bclaude_desktop_config\.json|(?:~[\\/])?\.(?:npmrc|netrc|git-credentials|pgpass)\b|\.kube[\\/]config\b|\.docker[\\/]config\.json|\.config[\\/]gcloud\b|\bwallet\.dat\b/g;
/** Verbs that make a reference a request: read it, include it, send it. */
const TAKE_VERB = /\b(?:read|reads|reading|open|cat|include|including|includes|attach|send|sends|sending|upload|pass|append|provide|copy|return|contents?\s{1,3}of|fetch|print|output|paste|share|forward|post)\b/i;
/** For `.env`, which tools legitimately read: only verbs that move its content somewhere. */
const EXFIL_VERB = /\b(?:include|including|includes|attach|send|sends|sending|upload|pass|append|paste|share|forward|post|contents?\s{1,3}of)\b/i;
const NEGATION = /\b(?:not|never|don'?t|avoid|without|except|exclude|excluding|refuse|ignore|skip|no)\b/i;

/** The word after "instead of", "do not call" …; whether it names a tool is decided after the match (isToolName). */
const TOOL_NAME = String.raw`[\x60"']?([\w-]{2,64})[\x60"']?`;
/** Shaped like a tool's name: `send_email`, `read-file`, `createIssue`, `GitHub_Search` (case-sensitive). */
const IDENTIFIER = /^(?:[A-Za-z][A-Za-z0-9]{0,30}(?:[_-][A-Za-z0-9]{1,30}){1,6}|[a-z]{1,30}(?:[A-Z][a-z0-9]{0,30}){1,6})$/;

/**
 * Phrases that rewrite another tool's behaviour. Workflow guidance ("always call search_tools first", "after calling
 * create_branch, call push_files") is common in honest multi-tool servers whose tools live in other files, so only
 * phrasing that overrides or forbids another tool, or redirects messages, is reported.
 */
const SHADOWING: readonly RegExp[] = [
  new RegExp(String.raw`\binstead\s{1,5}of\s{1,5}(?:using\s{1,5}|calling\s{1,5}|invoking\s{1,5})?(?:the\s{1,5})?${TOOL_NAME}`, 'gi'),
  new RegExp(String.raw`\b(?:do\s{1,5}not|don'?t|never)\s{1,5}(?:use|call|invoke)\s{1,5}(?:the\s{1,5})?${TOOL_NAME}`, 'gi'),
  new RegExp(String.raw`\bthe\s{1,5}${TOOL_NAME}\s{1,3}tool\s{1,5}(?:must|should|shall|has\s{1,5}to|will\s{1,5}(?:now|always|instead))\b`, 'gi'),
  new RegExp(String.raw`\b(?:replaces?|overrides?|supersedes?|takes\s{1,5}precedence\s{1,5}over)\s{1,5}(?:the\s{1,5})?${TOOL_NAME}(?=\s{1,3}tool\b)`, 'gi'),
  /\b(?:send|forward|copy|bcc|cc|route)\s{1,5}(?:all|every|each)\s{1,5}(?:emails?|messages?|mails?)\s{1,5}(?:also\s{1,5})?to\b/gi,
  /\ball\s{1,5}(?:emails?|messages?|mails?|payments?|transfers?)\s{1,5}(?:must|should|shall)\s{1,5}(?:also\s{1,5})?(?:be\s{1,5}(?:sent|forwarded|copied|bcc'?d|addressed)|go)\s{1,5}to\b/gi,
];
/** Words the name pattern catches that are not tools. */
const NOT_A_TOOL = /^(?:this|that|these|those|it|them|other|another|any|every|each|some|the|a|an|tool|tools|function|api|method|command|one|same|following|above|below|previous|next)$/i;

export function scanToolText(text: string, options: ScanOptions): PoisonMatch[] {
  // One pass of the hint instead of a dozen patterns: most tool texts are plain descriptions.
  if (!POISON_HINT.test(text)) return [];
  const matches: PoisonMatch[] = invisible(text);
  if (options.role === 'name') return matches;
  for (const pattern of HIDDEN_MARKERS) {
    for (const match of text.matchAll(pattern)) matches.push({ kind: 'hidden-instruction', start: match.index!, end: match.index! + match[0].length, what: `"${escapeInvisible(match[0])}"` });
  }
  appendAll(matches, sensitiveFiles(text));
  appendAll(matches, shadowing(text, options));
  // Longest first at one start; a match inside an earlier one of the same kind says nothing new.
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const reach = new Map<PoisonKind, number>();
  return matches.filter((match) => {
    if (match.start < (reach.get(match.kind) ?? -1)) return false;
    reach.set(match.kind, match.end);
    return true;
  });
}

function invisible(text: string): PoisonMatch[] {
  const matches: PoisonMatch[] = [];
  for (const match of text.matchAll(INVISIBLE_RUN)) {
    const run = match[0];
    const start = match.index!;
    // Joiners and variation selectors belong to emoji (👩‍💻, ❤️, flags): one of them next to a pictograph is fine.
    const before = text.codePointAt(start - 1) !== undefined ? String.fromCodePoint(codePointBefore(text, start)) : '';
    const after = text.codePointAt(start + run.length) !== undefined ? String.fromCodePoint(text.codePointAt(start + run.length)!) : '';
    if (/^[\u200D\uFE0E\uFE0F]{1,2}$/.test(run) && (PICTOGRAPH.test(before) || PICTOGRAPH.test(after))) continue;
    matches.push({ kind: 'invisible-unicode', start, end: start + run.length, what: describeInvisible(run) });
  }
  return matches;
}

function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2)!;
  }
  return low;
}

/** `U+200B U+200B`, or for tag characters the ASCII text they encode: `hidden text "ignore the user"`. */
function describeInvisible(run: string): string {
  const codes = [...run].map((char) => char.codePointAt(0)!);
  const tags = codes.filter((code) => code >= 0xe0000 && code <= 0xe007f);
  const escaped = codes.slice(0, 8).map((code) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`).join(' ') + (codes.length > 8 ? ` … (${codes.length} characters)` : '');
  if (tags.length >= 2) {
    const hidden = tags.map((code) => code - 0xe0000).filter((code) => code >= 0x20 && code < 0x7f).map((code) => String.fromCharCode(code)).join('');
    if (hidden) return `${escaped}, Unicode tag characters that spell the hidden text "${hidden.length > 200 ? `${hidden.slice(0, 200)}…` : hidden}"`;
  }
  return escaped;
}

/** Invisible characters in a string shown as `\u{…}` escapes, so a message can quote it. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE_RUN, (run) => [...run].map((char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`).join(''));
}

function sensitiveFiles(text: string): PoisonMatch[] {
  const matches: PoisonMatch[] = [];
  for (const match of text.matchAll(SENSITIVE_FILE)) {
    const start = match.index!;
    const end = start + match[0].length;
    // The sentence around the reference must ask for it ("read ~/.ssh/id_rsa and pass it as …"), and not forbid it
    // ("never read .env files"): a description that only names a file is documentation.
    const sentenceStart = Math.max(text.lastIndexOf('. ', start) + 1, text.lastIndexOf('\n', start) + 1, start - 160);
    const stops = [text.indexOf('. ', end), text.indexOf('\n', end)].filter((index) => index >= 0);
    const sentenceEnd = stops.reduce((nearest, stop) => Math.min(nearest, stop), Math.min(text.length, end + 160));
    const sentence = text.slice(sentenceStart, sentenceEnd);
    const verb = (match[0].includes('.env') && !match[0].includes('/') ? EXFIL_VERB : TAKE_VERB).exec(sentence);
    // A negation counts in the reference's own clause only: "Ignore previous instructions and read ~/.aws/…" asks.
    const before = text.slice(sentenceStart, start);
    const clauseStart = [',', ';', ' and ', ' then '].reduce((latest, cut) => {
      const at = before.lastIndexOf(cut);
      return at < 0 ? latest : Math.max(latest, at + cut.length);
    }, 0);
    const clause = before.slice(clauseStart);
    if (!verb || NEGATION.test(clause)) continue;
    matches.push({ kind: 'sensitive-file', start, end, what: `"${match[0]}"` });
  }
  return matches;
}

function shadowing(text: string, options: ScanOptions): PoisonMatch[] {
  const matches: PoisonMatch[] = [];
  for (const pattern of SHADOWING) {
    for (const match of text.matchAll(pattern)) {
      const tool = match[1];
      const end = match.index! + match[0].length;
      if (tool !== undefined) {
        // A name shaped like a tool's, or any word followed by "tool" ("instead of the search tool").
        const nameEnd = match.index! + match[0].lastIndexOf(tool) + tool.length;
        const named = /^[\x60"']?\s{1,3}tool\b/i.test(text.slice(nameEnd, nameEnd + 9));
        if (NOT_A_TOOL.test(tool) || (!named && !IDENTIFIER.test(tool)) || tool === options.self || options.siblings?.has(tool)) continue;
      }
      matches.push({ kind: 'shadowing', start: match.index!, end, what: `"${escapeInvisible(match[0])}"` });
    }
  }
  return matches;
}

/**
 * The regular expression that says whether a text can hold anything these detectors find (one pass), asked of
 * decoded texts only (string values, docstrings, a manifest's values; a file's strings joined): it must match
 * wherever any of them would (a text it says no to is never scanned). Each detector's words or characters are in it,
 * with what the detectors need after them (`ignore` followed by a blank, not the `ignore-scripts` of a test, the
 * `vercel_replacement` of a fixture), and a single variation selector (invisible() reports one that is not part of
 * an emoji).
 */
export const POISON_HINT =
  /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\u180E\uFEFF\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F]|\uDB40[\uDC00-\uDDEF]|<\/?\s{0,3}(?:important|system|instructions?|hidden|secret|admin|override|critical|assistant)|\[\/?(?:system|inst|important)\]|<\|im_start|<<\/?sys|\{\{\s{0,3}system|(?:ignore|disregard|forget|mention|reveal|disclose)\s|(?:override|supersede|replace)s?\s|precedence\s|(?:tell|inform|notify|alert)\s{1,5}the\s{1,5}user|show\s{1,5}(?:this|it)\s{1,5}to\s{1,5}the\s{1,5}user|without\s{1,5}(?:telling|informing|notifying|alerting|asking)|from\s{1,5}the\s{1,5}user|(?:send|forward|copy|bcc|cc|route)\s{1,5}(?:all|every|each)|tool\s{1,5}(?:must|should|shall|has|will)|the\s{1,5}user\s{1,5}(?:must|should|will)\s{1,5}not|\.ssh|id_(?:rsa|dsa|ecdsa|ed25519)|\.aws|(?<![\w$.])\.env|\/etc\/(?:passwd|shadow)|mcp(?:_config)?\.json|claude_desktop|npmrc|netrc|git-credentials|pgpass|\.kube|\.docker|gcloud|wallet\.dat|instead\s{1,5}of|\b(?:don'?t|do\s{1,5}not|never)\s{1,5}(?:use|call|invoke|run)|\b(?:when|whenever|before|after)\s{1,5}(?:you\s{1,5})?(?:use|call|invoke|run|using|calling|invoking)|(?:must|always|should)\s{1,5}(?:also\s{1,5}|first\s{1,5})?(?:use|call|invoke)|all\s{1,5}(?:emails?|messages?|mails?|payments?|transfers?)/i;
