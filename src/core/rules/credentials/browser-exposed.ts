import type { AnalysisContext } from '../../context';
import { codeScan } from '../../code/scan';
import { browserExposedMessage, browserExposedName } from '../../code/public-env';
import { scanDotenv } from '../../languages/dotenv';
import { defineRule, OWASP } from '../rule';

export const browserExposed = defineRule({
  id: 'credentials/browser-exposed',
  description: 'A credential reaches the browser: dangerouslyAllowBrowser, or a NEXT_PUBLIC_/VITE_/PUBLIC_ variable named like a key or token.',
  defaultSeverity: 'error',
  owasp: [OWASP.NHI2, OWASP.NHI4],
  fileKinds: ['code', 'dotenv'],
  check(context: AnalysisContext) {
    if (context.kind === 'dotenv') {
      checkDotenv(context);
      return;
    }
    for (const finding of codeScan(context).browserExposed) {
      context.report('credentials/browser-exposed', finding.start, finding.end, finding.message);
    }
  },
});

/** `NEXT_PUBLIC_OPENAI_API_KEY=…` in a `.env*` file: reported at the name. */
function checkDotenv(context: AnalysisContext): void {
  const { text } = context;
  for (const { name, start } of scanDotenv(text)) {
    const exposed = browserExposedName(name);
    if (!exposed) continue;
    const nameStart = text.lastIndexOf(name, start);
    if (nameStart < 0) continue;
    context.report('credentials/browser-exposed', nameStart, nameStart + name.length, browserExposedMessage(name, exposed, 'defined'));
  }
}
