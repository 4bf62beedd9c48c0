/**
 * Keeps every web contents on the app origin: navigations and redirects elsewhere are stopped, new windows are
 * never created, <webview> never attaches. An https link to a host IT allow-listed opens in the OS browser;
 * any other link is simply not followed.
 */
import type { WebContents } from 'electron';
import { isAppUrl } from './origin';

/** True when `raw` is an https URL whose host matches the allow-list (`*.example.com` matches subdomains). */
export function isAllowedExternal(raw: string, allowedHosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) && host.length > h.length - 1 : host === h));
}

export interface NavigationGuardOptions {
  allowedExternalHosts: () => readonly string[];
  openExternal: (url: string) => Promise<void> | void;
  onBlocked?: (what: string, url: string) => void;
}

export function guardNavigation(contents: WebContents, options: NavigationGuardOptions): void {
  const maybeOpenOutside = (url: string) => {
    if (isAllowedExternal(url, options.allowedExternalHosts())) void options.openExternal(url);
  };
  const block = (what: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    options.onBlocked?.(what, event.url);
    if (what === 'will-navigate') maybeOpenOutside(event.url);
  };
  contents.on('will-navigate', block('will-navigate'));
  contents.on('will-frame-navigate', block('will-frame-navigate'));
  contents.on('will-redirect', block('will-redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.onBlocked?.('will-attach-webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    options.onBlocked?.('window-open', url);
    maybeOpenOutside(url);
    return { action: 'deny' };
  });
}
