import type { AnalysisContext } from '../context';
import { parseManifestFile } from './parse';
import { isManifestFile } from './schema';
import { appendAll } from '../arrays';

/** isManifestFile for the file under analysis, asked once: the collector and every manifest rule ask it. */
export function isManifestContext(context: AnalysisContext): boolean {
  return context.memo('manifest-file', () => isManifestFile(context.path, context.text)) ?? false;
}

/** Manifest files contribute their manifests to the workspace index. */
export function collectManifests(context: AnalysisContext): void {
  if (!isManifestContext(context)) return;
  appendAll(context.facts.manifests, parseManifestFile(context).manifests);
}
