import type { AnalysisContext } from '../context';
import { parseManifestFile } from './parse';
import { isManifestFile } from './schema';
import { appendAll } from '../arrays';

/** Manifest files contribute their manifests to the workspace index. */
export function collectManifests(context: AnalysisContext): void {
  if (!isManifestFile(context.path, context.text)) return;
  appendAll(context.facts.manifests, parseManifestFile(context).manifests);
}
