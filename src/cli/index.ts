import { main } from './main';
import { isAuditWorker, runAuditWorker } from '../node/parallel';

if (isAuditWorker()) {
  runAuditWorker();
} else {
  void main(process.argv.slice(2)).then((code) => {
    // Let stdout drain before exiting (large reports piped to another process).
    process.stdout.write('', () => process.exit(code));
  });
}
