/**
 * Phone bar test page: the real PhoneBar (store + i18n + the desk's stylesheets) over a real engine registered to
 * the test PBX. Settings come from the query string. Not part of the product.
 */
import { createRoot } from 'react-dom/client';
import { i18n } from '../../renderer/i18n';
import { PhoneBar } from '../../renderer/features/phone/PhoneBar';
import { usePhone } from '../../renderer/features/phone/store';
import { MemoryCallEventSink, MemoryDevicePreferences, Softphone } from '../../renderer/softphone';
import '../../renderer/styles/base.css';
import '../../renderer/styles/desk.css';
import './bar-api';

const q = new URLSearchParams(location.search);
const prefs = new MemoryDevicePreferences();
const engine = new Softphone({
  settings: {
    wsUrl: q.get('ws')!,
    sipUri: q.get('uri')!,
    password: q.get('pw')!,
    audioProcessing: false,
    reconnectMinSec: 1,
    reconnectMaxSec: 4,
  },
  events: new MemoryCallEventSink(),
  devicePrefs: prefs,
});
usePhone.getState().attach(engine);
void engine.start();
createRoot(document.getElementById('root')!).render(
  <div className="phonebar-slot">
    <PhoneBar />
  </div>,
);

window.bar = { engine, prefs, setLanguage: (l) => i18n.changeLanguage(l) };
