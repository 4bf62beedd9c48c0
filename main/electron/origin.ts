/**
 * The app's one fixed origin. The renderer is served from a custom privileged scheme instead of file:// so that
 * every check (IPC sender, navigation, permissions, CSP 'self') compares against a single, exact origin that no
 * web page can claim.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'recaudo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for `app://recaudo/...`. Node's WHATWG URL reports origin "null" for non-special schemes, so this
 * compares protocol and host instead of `.origin`; userinfo and ports are refused because the real scheme
 * handler never produces them.
 */
export function isAppUrl(raw: string | null | undefined): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** `requestingOrigin`/`securityOrigin` strings as Chromium reports them (with or without a trailing slash). */
export function isAppOrigin(raw: string | null | undefined): boolean {
  if (!raw) return false;
  const trimmed = raw.endsWith('/') ? raw.slice(0, -1) : raw;
  return trimmed === APP_ORIGIN;
}
