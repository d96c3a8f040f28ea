/** The parts of a named value (./detect's NamedValue) this needs and gives. */
export interface NamedText {
  name: string;
  value: string;
  start: number;
  end: number;
  exact: boolean;
  credentialPosition?: boolean;
}

const MAX_DEPTH = 8;
const MAX_MEMBERS = 256;

/**
 * A value that is a JSON object written as a string (`credentials: '{"type":"service_account","private_key":…}'`)
 * is not itself a secret: its members are, each under its own key. Returns the members as named values (with exact
 * offsets when the string maps one-to-one onto the file), or the value unchanged when it is not a JSON object.
 */
export function expandStructuredValue(named: NamedText): NamedText[] {
  const text = named.value.trim();
  if (text.length < 2 || text[0] !== '{' || text[text.length - 1] !== '}') return [named];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [named];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [named];
  const members: NamedText[] = [];
  let cursor = 0;
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof node !== 'object' || node === null) return;
    for (const [key, member] of Object.entries(node)) {
      if (members.length >= MAX_MEMBERS) return;
      if (typeof member === 'string') {
        const written = JSON.stringify(member);
        const at = named.value.indexOf(written, cursor);
        if (at >= 0) cursor = at + written.length;
        const exact = named.exact && at >= 0 && written.length === member.length + 2;
        members.push(exact ? { name: key, value: member, start: named.start + at + 1, end: named.start + at + 1 + member.length, exact } : { name: key, value: member, start: named.start, end: named.end, exact: false });
      } else {
        visit(member, depth + 1);
      }
    }
  };
  visit(parsed, 0);
  return members;
}
