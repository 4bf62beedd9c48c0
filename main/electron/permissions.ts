/**
 * The only permissions Recaudo ever grants: the microphone (audio capture, never video) and choosing the
 * speaker, and only to our own page in its main frame. Everything else — camera, screen capture, geolocation,
 * notifications, clipboard reads, HID/USB/serial, MIDI, fullscreen, external protocols — is refused, for our
 * origin too: a compromised renderer gets no more than a softphone needs.
 */
import type { PermissionCheckHandlerHandlerDetails, Session, WebContents } from 'electron';
import { isAppOrigin, isAppUrl } from './origin';

type RequestDetails = { isMainFrame?: boolean; requestingUrl?: string; mediaTypes?: Array<'video' | 'audio'>; securityOrigin?: string };

/** Decision for a permission *request* (a prompt the page triggers). */
export function decidePermissionRequest(permission: string, details: RequestDetails): boolean {
  if (!details.isMainFrame || !isAppUrl(details.requestingUrl)) return false;
  if (details.securityOrigin !== undefined && !isAppOrigin(details.securityOrigin)) return false;
  if (permission === 'media') {
    const types = details.mediaTypes ?? [];
    return types.length > 0 && types.every((t) => t === 'audio');
  }
  // selectAudioOutput()/setSinkId(): the agent picks the headset the call plays through.
  if (permission === 'speaker-selection') return true;
  return false;
}

/**
 * Decision for a permission *check* (synchronous queries, e.g. enumerateDevices deciding whether to show
 * microphone labels). Audio only; 'unknown' media type is refused because it cannot be told from video.
 */
export function decidePermissionCheck(permission: string, requestingOrigin: string, details: PermissionCheckHandlerHandlerDetails): boolean {
  if (permission !== 'media') return false;
  if (!isAppOrigin(requestingOrigin)) return false;
  if (details.securityOrigin !== undefined && !isAppOrigin(details.securityOrigin)) return false;
  if (details.embeddingOrigin !== undefined && !isAppOrigin(details.embeddingOrigin)) return false;
  return details.mediaType === 'audio';
}

export function installPermissionHandlers(session: Session): void {
  session.setPermissionRequestHandler((_wc: WebContents, permission, callback, details) => {
    callback(decidePermissionRequest(permission, details as RequestDetails));
  });
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    decidePermissionCheck(permission, requestingOrigin, details),
  );
  // Devices granted without a chooser (HID, serial, USB): none.
  session.setDevicePermissionHandler(() => false);
  // Screen sharing: never. Calling back with no streams rejects getDisplayMedia.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}
