/**
 * A reader that stops early (`rules --format json | head`) closes the pipe: that is not an error, so the process
 * exits quietly instead of printing an EPIPE trace. Kept free of imports: the launcher (dist/cli.js) uses it too.
 */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
