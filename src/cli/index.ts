import { exitQuietlyWhenStdoutCloses } from './closed-pipe';
import { main } from './main';
import { isAuditWorker, runAuditWorker } from '../node/parallel';
import { useCodeCacheForTypeScript } from '../node/load-typescript';

useCodeCacheForTypeScript();

if (isAuditWorker()) {
  runAuditWorker();
} else {
  exitQuietlyWhenStdoutCloses();
  void main(process.argv.slice(2)).then((code) => {
    // Let stdout drain before exiting (large reports piped to another process).
    process.stdout.write('', () => process.exit(code));
  });
}
