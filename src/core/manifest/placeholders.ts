/**
 * Placeholder values in manifest ownership fields: what a template or a generated manifest leaves to fill in
 * (`TODO: …`, `team:your-team`, `team:change-me`, `<owner>`), and owners at the reserved example domains
 * (`user:dana@example.com`). The ownership rules treat them as missing: nobody is accountable for `team:your-team`.
 */
const PLACEHOLDER_TEXT = /^\s*(?:TODO|TBD|FIXME|XXX)\b|change[-_ ]?me|\byour[-_ ](?:team|group|name|email|org|company)\b|^\s*<[^>]*>\s*$/i;
const EXAMPLE_EMAIL = /@(?:[a-z0-9-]+\.)*example\.(?:com|net|org)$/i;
const OWNER_FIELDS = new Set(['owner', 'technicalOwner', 'onBehalfOf']);

/** Whether a manifest metadata value is a placeholder rather than a real value. */
export function isPlaceholderValue(field: string, value: string): boolean {
  if (PLACEHOLDER_TEXT.test(value)) return true;
  return OWNER_FIELDS.has(field) && /^user:/.test(value) && EXAMPLE_EMAIL.test(value.trim());
}
