/**
 * Screen-pop: the moment a call rings (caller ID) or is dialed, show who it is, from the local store.
 * One debtor → their card; several sharing the number → a picker; nobody → the search box, prefilled.
 * The phone feature calls `screenPop(number)`; it never throws (a failed lookup opens the search with the error).
 * Whatever it shows, it lets the ringing bar go in the same update (ringing-hold.ts), so both paint together.
 */
import { api } from '../../api';
import { afterPaint } from '../../lib/after-paint';
import { useDebtor } from '../debtor/store';
import { useSearch } from '../search/store';
import { useQueue } from '../queue/store';
import { popTiming } from './pop-timing';
import { takePrefetched } from './prefetch';
import { releaseRinging } from './ringing-hold';

export type ScreenPopResult = 'card' | 'picker' | 'search';

export async function screenPop(phone: string): Promise<ScreenPopResult> {
  let hits;
  let card;
  try {
    // One round trip: the hits and, when only one debtor has the number, their card.
    // Usually already on its way: asked when the call's INVITE arrived (prefetch.ts).
    ({ hits, card } = await (takePrefetched(phone) ?? api.portfolio.popByPhone({ phone })));
    popTiming.replied(phone);
  } catch (error) {
    popTiming.drop(phone);
    useSearch.getState().show(phone);
    useSearch.setState({ error });
    releaseRinging(phone);
    return 'search';
  }
  const only = hits.length === 1 ? hits[0] : undefined;
  if (only) {
    popTiming.expect(phone, only.debtorId);
    useSearch.getState().hide();
    if (card && card.debtor.id === only.debtorId) {
      useDebtor.getState().show(card);
      releaseRinging(phone);
      // The queue follows once the card is on screen: selecting the debtor's row can scroll the queue far away,
      // and its rows' re-render and repaint would otherwise share the card's frame.
      afterPaint(() => useQueue.getState().selectDebtor(only.debtorId));
    } else {
      useQueue.getState().selectDebtor(only.debtorId);
      releaseRinging(phone);
      await useDebtor.getState().open(only.debtorId);
    }
    return 'card';
  }
  popTiming.drop(phone);
  if (hits.length > 1) useSearch.getState().showPicker(phone, hits);
  else useSearch.getState().show(phone);
  releaseRinging(phone);
  return hits.length > 1 ? 'picker' : 'search';
}
