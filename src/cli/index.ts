import { main } from './main';
import { isAuditWorker, runAuditWorker } from '../node/parallel';
import { useCodeCacheForTypeScript } from '../node/load-typescript';

useCodeCacheForTypeScript();

if (isAuditWorker()) {
  runAuditWorker();
} else {
  // A reader that stops early (`rules --format json | head`) closes the pipe: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    // Let stdout drain before exiting (large reports piped to another process).
    process.stdout.write('', () => process.exit(code));
  });
}
