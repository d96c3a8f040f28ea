import type { AnalysisContext } from '../context';
import { parseManifestFile } from './parse';
import { isManifestPath } from './schema';

/** Manifest files contribute their manifests to the workspace index. */
export function collectManifests(context: AnalysisContext): void {
  if (!isManifestPath(context.path)) return;
  context.facts.manifests.push(...parseManifestFile(context).manifests);
}
