/** Every secret fix says this: removing a secret from a file does not revoke it. */
export const ROTATE_TITLE = 'rotate the exposed key';
export const ROTATE_FOLLOW_UP =
  'Rotate the exposed value now: removing it from the file does not revoke it, and it may already be in git history.';
