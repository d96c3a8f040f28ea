import type { AnalysisContext } from '../context';
import { parseManifestFile } from './parse';
import { isManifestFile } from './schema';

/** Manifest files contribute their manifests to the workspace index. */
export function collectManifests(context: AnalysisContext): void {
  if (!isManifestFile(context.path, context.text)) return;
  context.facts.manifests.push(...parseManifestFile(context).manifests);
}
