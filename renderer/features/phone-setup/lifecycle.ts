/**
 * The softphone's life on the desk: after login with a phone account saved, build the engine, attach it to the
 * phone store and start it; stop it on logout; rebuild it when the account changes. Also reports the agent's work
 * state to the host on every change (the updater never restarts mid-call or mid-wrap-up).
 *
 * The password: the form never reads it back (`phone.get` has only `hasPassword`); the engine bootstrap fetches
 * it with `phone.credentials` once per start, because the renderer's JsSIP must answer the PBX's digest challenge
 * itself. It then lives only inside the engine object. (The alternative — doing digest in the main process — would
 * need a SIP stack there too; a compromised renderer could still place calls with the live engine either way.)
 */
import { create } from 'zustand';
import { api } from '../../api';
import { Softphone } from '../../softphone/softphone';
import { usePhone } from '../phone/store';
import { useSession } from '../session/store';
import { useCall } from '../call/store';
import { useDebtor } from '../debtor/store';
import { prefetchPop } from '../screen-pop/prefetch';
import type { PhoneSettingsView } from '../../../shared/api/methods/phone-settings';
import type { WorkState } from '../../../shared/api/methods/updates';
import { engineSettingsOf, pbxOriginOf } from './engine-settings';
import { ApiCallEventSink, ApiRecordingSink, LocalDevicePreferences } from './ports';
import { workStateOf } from './work-state';
import { backgroundTurn } from '../../lib/background';
import { registerPhoneSetupTexts } from './i18n';

registerPhoneSetupTexts();

export type SetupStatus = 'off' | 'loading' | 'unconfigured' | 'running' | 'error';

interface PhoneSetupState {
  status: SetupStatus;
  view: PhoneSettingsView | null;
  error: unknown;
  panelOpen: boolean;
  workState: WorkState;
  /** Bumped after each call event is saved: views of the call history re-read. */
  logVersion: number;
  lastLoggedDebtor: string | null;
  openPanel(): void;
  closePanel(): void;
  /** After the form saved: rebuild the engine with the new account. */
  restart(): Promise<void>;
}

interface Running {
  engine: Softphone;
  detach: () => void;
  sink: ApiCallEventSink;
  origin: string;
}

let running: Running | null = null;
let generation = 0;
const RELOAD_KEY = 'recaudo.phone.cspReload';

async function teardown(): Promise<void> {
  const r = running;
  running = null;
  if (!r) return;
  r.detach();
  await r.engine.stop();
  await Promise.race([r.sink.flushed(), new Promise((res) => setTimeout(res, 2000))]);
  r.sink.stop();
}

async function boot(): Promise<void> {
  const mine = ++generation;
  await teardown();
  if (mine !== generation) return;
  usePhoneSetup.setState({ status: 'loading', error: null });
  try {
    const [creds, view] = await Promise.all([api.phone.credentials({}), api.phone.get({})]);
    if (mine !== generation) return;
    if (!creds) {
      usePhoneSetup.setState({ status: 'unconfigured', view: null });
      return;
    }
    const agentId = useSession.getState().session?.user.id ?? 'agent';
    const sink = new ApiCallEventSink(
      (err) => console.warn('[phone] call event not saved yet', err),
      (e) => usePhoneSetup.setState((st) => ({ logVersion: st.logVersion + 1, lastLoggedDebtor: e.contactId ?? st.lastLoggedDebtor })),
    );
    const engine = new Softphone({
      settings: engineSettingsOf(creds),
      events: sink,
      devicePrefs: new LocalDevicePreferences(`recaudo.phone.devices.${agentId}`),
      recordings: new ApiRecordingSink(),
      onInviteArriving: prefetchPop, // the screen-pop's lookup starts as the INVITE arrives
    });
    const detach = usePhone.getState().attach(engine);
    running = { engine, detach, sink, origin: pbxOriginOf(creds.wsUrl) };
    usePhoneSetup.setState({ status: 'running', view });
    await engine.start();
  } catch (error) {
    if (mine === generation) usePhoneSetup.setState({ status: 'error', error });
  }
}

export const usePhoneSetup = create<PhoneSetupState>((set) => ({
  status: 'off',
  view: null,
  error: null,
  panelOpen: false,
  workState: 'idle',
  logVersion: 0,
  lastLoggedDebtor: null,
  openPanel: () => set({ panelOpen: true }),
  closePanel: () => set({ panelOpen: false }),
  restart: () => boot(),
}));

/**
 * The page's CSP was fixed when it loaded: a PBX origin saved since is refused by the browser. The host widens
 * connect-src for saved PBXs, so one reload (the session resumes) lets the engine connect. Never mid-call.
 */
function onCspViolation(e: SecurityPolicyViolationEvent): void {
  const r = running;
  if (!r || !e.blockedURI.toLowerCase().startsWith(r.origin)) return;
  if (sessionStorage.getItem(RELOAD_KEY) === r.origin) {
    usePhoneSetup.setState({ status: 'error', error: { key: 'phoneSetup.error.cspBlocked', params: { origin: r.origin } } });
    return;
  }
  if ((usePhone.getState().snapshot?.calls ?? []).some((c) => c.status !== 'ended')) return;
  sessionStorage.setItem(RELOAD_KEY, r.origin);
  location.reload();
}

/**
 * An inbound call's events belong to the caller's record: the number's only debtor (the same lookup the
 * screen-pop makes), or — for a shared or unknown number — the card the agent opens (picker, search) while the
 * call is up. Calls the agent dialed from a card already carry their debtor.
 */
function followCallers(): () => void {
  const handled = new Set<string>();
  const live = () => (usePhone.getState().snapshot?.calls ?? []).filter((c) => c.direction === 'incoming' && !c.contactId && c.status !== 'ended');
  const offPhone = usePhone.subscribe((s) => {
    for (const c of (s.snapshot?.calls ?? [])) {
      if (c.direction !== 'incoming' || c.contactId || handled.has(c.id)) continue;
      handled.add(c.id);
      // After the screen-pop has painted (lib/background): this same lookup must not queue ahead of the pop's.
      void backgroundTurn().then(() => api.portfolio.lookupByPhone({ phone: c.remote })).then((hits) => {
        const only = hits.length === 1 ? hits[0] : undefined;
        if (only && running && live().some((x) => x.id === c.id)) running.engine.setContact(c.id, only.debtorId);
      }, () => { /* the screen-pop shows the search box; the agent's pick assigns it below */ });
    }
  });
  let shown = useDebtor.getState().debtorId;
  const offDebtor = useDebtor.subscribe((s) => {
    if (s.debtorId === shown) return;
    shown = s.debtorId;
    if (!shown || !running) return;
    for (const c of live()) running.engine.setContact(c.id, shown);
  });
  return () => {
    offPhone();
    offDebtor();
  };
}

/** Mounted once while the desk is up; returns the cleanup (logout or unmount stops the engine). */
export function startPhoneLifecycle(): () => void {
  let signedIn = false;
  const follow = () => {
    const s = useSession.getState();
    const now = s.status === 'signedIn' && s.session !== null && s.session.user.role !== 'admin';
    if (now === signedIn) return;
    signedIn = now;
    if (now) void boot();
    else {
      generation++;
      usePhoneSetup.setState({ status: 'off', view: null, panelOpen: false });
      void teardown();
    }
  };
  const offSession = useSession.subscribe(follow);
  follow();

  let reported: WorkState | null = null;
  let workStateSent: Promise<unknown> = Promise.resolve();
  const report = () => {
    const state = workStateOf(usePhone.getState().snapshot, useCall.getState().phase);
    if (state === reported) return;
    reported = state;
    usePhoneSetup.setState({ workState: state });
    if (state === 'in_call') sessionStorage.removeItem(RELOAD_KEY); // it connected: a later block may reload again
    // In order, after a screen-pop on its way to the screen (lib/background): the updater only needs it before it
    // would restart, never within milliseconds.
    workStateSent = workStateSent
      .then(backgroundTurn)
      .then(() => api.updates.reportWorkState({ state }))
      .catch(() => { /* the shell may not be up yet: next change retries */ });
  };
  const offPhone = usePhone.subscribe(report);
  const offCall = useCall.subscribe(report);
  report();
  const offReg = usePhone.subscribe((s) => {
    if (s.snapshot?.registration.kind === 'registered') sessionStorage.removeItem(RELOAD_KEY);
  });
  document.addEventListener('securitypolicyviolation', onCspViolation);
  const offCallers = followCallers();

  return () => {
    offCallers();
    offSession();
    offPhone();
    offCall();
    offReg();
    document.removeEventListener('securitypolicyviolation', onCspViolation);
    generation++;
    void teardown();
  };
}

/** For tests and devtools: the running engine, if any. */
export function runningEngine(): Softphone | null {
  return running?.engine ?? null;
}
