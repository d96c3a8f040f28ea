import { main } from './main';

const code = main(process.argv.slice(2));
// Let stdout drain before exiting (large reports piped to another process).
process.stdout.write('', () => process.exit(code));
