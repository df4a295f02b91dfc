/**
 * The dashboard on the user's own data, as one piece of reactive state shared by the
 * banner (every page) and /own-data: switch to it (optionally keeping it in this
 * browser), restore it from a `data=local` address, go back to the published data,
 * delete the kept copy. The data itself lives in engineState; this adds the address
 * and the promise that nothing is kept unless asked.
 */
import { writeAddress } from '$lib/filter/address';
import { engineState } from '$lib/db/engine-state.svelte';
import type { LocalData } from '$lib/db/local-data';
import { forgetLocal, keepLocal, keptLocal } from '$lib/db/local-store';

export const DATA_PARAM = 'data';

class LocalSession {
  /** The data shown is also kept in this browser (IndexedDB) at the user's request. */
  kept = $state(false);
  /** A `data=local` link opened where that data is not: the notice instead of pretending. */
  linkNotice = $state(false);

  async switchTo(data: LocalData, keep: boolean): Promise<void> {
    this.linkNotice = false;
    if (keep) await keepLocal(data);
    else await forgetLocal();
    this.kept = keep;
    void engineState.useData(data);
  }

  async backToPublished(): Promise<void> {
    void engineState.reset();
    this.syncAddress();
  }

  /** 「削除」: the kept copy goes; the data stays on screen until the tab closes or the user goes back. */
  async forget(): Promise<void> {
    await forgetLocal();
    this.kept = false;
  }

  /** On opening a page: `data=local` in the address → the kept copy, or the notice and the published data. */
  async restore(): Promise<void> {
    if (new URL(location.href).searchParams.get(DATA_PARAM) !== 'local' || engineState.local) return this.syncAddress();
    const kept = await keptLocal();
    if (kept) {
      this.kept = true;
      await engineState.useData(kept);
    } else {
      this.linkNotice = true;
      void engineState.useData(null);
      this.syncAddress();
    }
  }

  /** The address says `data=local` exactly while the user's data is shown. */
  syncAddress(): void {
    const url = new URL(location.href);
    const want = engineState.local !== null;
    if ((url.searchParams.get(DATA_PARAM) === 'local') === want) return;
    if (want) url.searchParams.set(DATA_PARAM, 'local');
    else url.searchParams.delete(DATA_PARAM);
    // Not a navigation (no route announcement; src/lib/filter/address.ts), and safe before the router is ready.
    writeAddress(url.href, 'replace');
  }
}

export const localSession = new LocalSession();
