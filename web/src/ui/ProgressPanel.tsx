import { formatSeconds } from '../lib/capacity';
import type { TaoProgress } from '../engine/types';

const ACTIONS: Record<TaoProgress['action'], string> = {
  unknown: 'Starting…', preparing: 'Preparing the disc…', writing: 'Writing', finishing: 'Closing the disc…',
};

/** Burn progress from the drive's state: action, track, percent, elapsed/remaining, drive buffer; Cancel. */
export function ProgressPanel({ progress, cancelling, onCancel }: { progress: TaoProgress | null; cancelling: boolean; onCancel: () => void }) {
  const p = progress;
  const pct = p && p.totalSectors ? Math.min(100, Math.floor((p.writtenSectors / p.totalSectors) * 100)) : 0;
  const action = !p ? 'Starting…' : p.action === 'writing' ? `Writing track ${p.trackIndex} of ${p.trackCount}` : ACTIONS[p.action];
  const buffer = p && p.bufferTotalBytes ? Math.round((p.bufferUsedBytes / p.bufferTotalBytes) * 100) : null;
  return (
    <section className="progress" aria-labelledby="prog-h">
      <h2 id="prog-h">Burning</h2>
      <p className="action" aria-live="polite">{cancelling ? 'Cancelling after the current write…' : action}</p>
      <div className="bar" role="progressbar" aria-label="Burn progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}
        aria-valuetext={`${pct}%`}>
        <div className="fill" style={{ width: `${pct}%` }} />
      </div>
      <dl className="stats">
        <div><dt>Done</dt><dd data-testid="percent">{pct}%</dd></div>
        <div><dt>Elapsed</dt><dd>{p ? formatSeconds(p.elapsedMs / 1000) : '0:00'}</dd></div>
        <div><dt>Remaining</dt><dd>{p && p.remainingMs !== null ? formatSeconds(p.remainingMs / 1000) : '—'}</dd></div>
        <div><dt>Disc track</dt><dd>{p && p.trackNumber ? p.trackNumber : '—'}</dd></div>
        <div><dt>Drive buffer</dt><dd>{buffer === null ? 'n/a (unthrottled)' : (
          <span className="buffer"><span role="progressbar" aria-label="Drive buffer" aria-valuemin={0} aria-valuemax={100} aria-valuenow={buffer}
            className="mini"><span style={{ width: `${buffer}%` }} /></span> {buffer}%</span>)}</dd></div>
      </dl>
      <button type="button" className="cancel" onClick={onCancel} disabled={cancelling}>Cancel</button>
    </section>
  );
}
