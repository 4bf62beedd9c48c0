import type { ComponentType } from 'react';
import { useTranslation } from '../../i18n/use-translation';

/**
 * The phone bar's place under the top bar. The softphone feature ships `features/phone/PhoneBar.tsx`
 * exporting `PhoneBar`; when it is in the tree it is rendered here, otherwise the desk says plainly that there
 * is no phone on this seat.
 */
const found = import.meta.glob<{ PhoneBar?: ComponentType }>('../phone/PhoneBar.tsx', { eager: true });
const PhoneBar = Object.values(found)[0]?.PhoneBar;
/** Whether the softphone's bar is in this build (it then shows the PBX state itself). */
export const HAS_PHONE_BAR = PhoneBar !== undefined;

export function PhoneSlot() {
  const { t } = useTranslation();
  if (PhoneBar) return <div className="phonebar-slot"><PhoneBar /></div>;
  return (
    <div className="phonebar-slot phonebar-empty" role="status">
      <span aria-hidden="true">☎</span> {t('phoneSlot.notConnected')}
    </div>
  );
}
