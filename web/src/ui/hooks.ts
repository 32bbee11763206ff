import { useEffect } from 'react';

/** Keeps the screen awake while `active` (Screen Wake Lock API); silently does nothing where unsupported. */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    type Sentinel = { release(): Promise<void> };
    const wl = (navigator as unknown as { wakeLock?: { request(t: 'screen'): Promise<Sentinel> } }).wakeLock;
    if (!wl) return;
    let sentinel: Sentinel | null = null, stopped = false;
    const acquire = () => wl.request('screen').then((s) => { if (stopped) void s.release(); else sentinel = s; }).catch(() => undefined);
    // The lock is dropped when the tab is hidden; take it again when it is visible.
    const onVisible = () => { if (document.visibilityState === 'visible') void acquire(); };
    void acquire();
    document.addEventListener('visibilitychange', onVisible);
    return () => { stopped = true; document.removeEventListener('visibilitychange', onVisible); void sentinel?.release().catch(() => undefined); };
  }, [active]);
}

/** Asks the browser to confirm before the tab is closed or reloaded while `active`. */
export function useBeforeUnload(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const h = (e: BeforeUnloadEvent) => { e.preventDefault(); e.returnValue = ''; };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [active]);
}
