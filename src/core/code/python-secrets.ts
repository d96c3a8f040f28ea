/**
 * Secret detection inputs for Python files and notebooks. A `.py` file gives the detectors the same named and
 * folded values as a TypeScript file; a notebook is scanned as its joined code cells (Python), its Markdown cells
 * and its cell outputs (text: a key printed into an output is a leak too), with every position mapped back into
 * the notebook's JSON.
 */
import type { AnalysisContext } from '../context';
import { type MappedText, readNotebook } from '../languages/notebook';
import { collectPythonSecretContexts, type PythonSecretContexts } from '../languages/python-secrets';
import { scanTextAssignments } from '../languages/text';
import { detectSecrets, type SecretDetection, type SecretDetectionOptions } from '../secrets/detect';
import { pythonSource } from './python-source';

/** Named and folded values of a `.py` file; undefined when it could not be parsed (the caller scans it as text). */
export function pythonSecretContexts(context: AnalysisContext): PythonSecretContexts | undefined {
  const source = pythonSource(context);
  return source && collectPythonSecretContexts(source.tree, source.text);
}

/** Every secret in a notebook, at its position in the notebook file. */
export function detectNotebookSecrets(context: AnalysisContext, options: SecretDetectionOptions): SecretDetection[] {
  const source = pythonSource(context);
  const notebook = source?.notebook ?? readNotebook(context.text);
  if (notebook.error) return detectSecrets(context.text, scanTextAssignments(context.text), [], options);
  const found: SecretDetection[] = [];
  const add = (detections: SecretDetection[], mapped: Pick<MappedText, 'toFile' | 'toFileEnd'>, where = '') => {
    for (const detection of detections) {
      found.push({ ...detection, detectorName: detection.detectorName + where, start: mapped.toFile(detection.start), end: mapped.toFileEnd(detection.end) });
    }
  };
  if (source) {
    const { namedValues, foldedValues } = collectPythonSecretContexts(source.tree, source.text);
    add(detectSecrets(source.text, namedValues, foldedValues, options), source);
  } else {
    add(detectSecrets(notebook.code.text, scanTextAssignments(notebook.code.text), [], options), notebook.code);
  }
  for (const { kind, mapped } of notebook.texts) {
    add(detectSecrets(mapped.text, scanTextAssignments(mapped.text), [], options), mapped, kind === 'output' ? ' in a cell output' : '');
  }
  // The rest of the JSON (metadata, attachments' names …): provider formats and key blocks anywhere in the file.
  for (const detection of detectSecrets(context.text, [], [], options)) {
    if (!found.some((other) => detection.start < other.end && other.start < detection.end)) found.push(detection);
  }
  return found.sort((a, b) => a.start - b.start);
}
