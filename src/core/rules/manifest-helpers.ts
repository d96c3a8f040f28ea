import type { AnalysisContext } from '../context';
import type { AgentManifest } from '../facts';
import { fieldRange } from '../manifest/locate';
import { parseManifestFile, type ManifestEntry } from '../manifest/parse';
import { isManifestContext } from '../manifest/collect';

/** Run `visit` for each manifest in a manifest file, with a locator for exact positions of its fields. */
export function forEachManifest(
  context: AnalysisContext,
  visit: (manifest: AgentManifest, at: (path: (string | number)[]) => [number, number], entry: ManifestEntry) => void,
): void {
  if (!isManifestContext(context)) return;
  for (const entry of parseManifestFile(context).entries) {
    visit(entry.manifest, (path) => fieldRange(entry.document, context.text, path), entry);
  }
}

/** Today's date (UTC) as YYYY-MM-DD, for comparing with manifest dates. */
export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export const MANIFEST_KINDS = ['yaml', 'json'] as const;
