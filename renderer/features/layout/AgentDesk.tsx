import { useEffect } from 'react';
import { useDeskShortcuts } from '../../app/use-shortcuts';
import { GuidedCallPanel } from '../call/GuidedCallPanel';
import { DebtorPanel } from '../debtor/DebtorPanel';
import { useDebtor } from '../debtor/store';
import { QUEUE_LIST_ID, QueuePanel } from '../queue/QueuePanel';
import { useQueue } from '../queue/store';
import { useSession } from '../session/store';
import { SearchDialog } from '../search/SearchDialog';
import { PhoneSlot } from './PhoneSlot';
import { useIncomingCallPop } from '../screen-pop/use-incoming-pop';
import { TopBar } from './TopBar';

/** The agent's desk: top bar, phone bar, and the three columns — queue, debtor, guided call. */
export function AgentDesk() {
  useDeskShortcuts();
  useIncomingCallPop();
  useEffect(() => {
    const stopQueue = useQueue.getState().start();
    const stopCard = useDebtor.getState().start();
    void useQueue.getState().refresh(useSession.getState().session?.online ?? false);
    document.getElementById(QUEUE_LIST_ID)?.focus();
    return () => {
      stopQueue();
      stopCard();
      useDebtor.getState().close();
    };
  }, []);
  return (
    <div className="desk">
      <TopBar />
      <PhoneSlot />
      <main className="columns">
        <QueuePanel />
        <DebtorPanel />
        <GuidedCallPanel />
      </main>
      <SearchDialog />
    </div>
  );
}
