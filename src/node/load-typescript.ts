import { setTypeScriptBundleLoader } from '../core/languages/typescript';
import { requireWithCodeCache } from './code-cache';

/** Load the bundled TypeScript (when a file first needs it) through the V8 code cache. Entry points call this first. */
export function useCodeCacheForTypeScript(): void {
  setTypeScriptBundleLoader(requireWithCodeCache);
}
