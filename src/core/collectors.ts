import { collectCodeAgents } from './code/collect';
import type { FileCheck } from './context';
import { collectManifests } from './manifest/collect';

/**
 * Collectors that fill `context.facts` (manifests, code agents) for the workspace index. They run on every file
 * whether or not a per-file rule is enabled, because cross-file rules and the inventory depend on them.
 */
export const FACT_COLLECTORS: readonly FileCheck[] = [collectManifests, collectCodeAgents];
