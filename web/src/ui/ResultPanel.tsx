import { useEffect, useState } from 'react';
import { formatSectors } from '../lib/capacity';
import { formatKilnError } from '../lib/errors';
import type { BurnResult, DiscImage } from '../engine/types';
import { msf } from '../engine/cue';

interface Props { result: BurnResult; image: DiscImage | null; virtual: boolean; onDone: () => void; onNewDisc: () => void }

/** What is on the disc now, said plainly; for the virtual drive the TOC and the CUE/BIN downloads. */
export function ResultPanel({ result: r, image, virtual, onDone, onNewDisc }: Props) {
  const urls = useObjectUrls(image);
  const headline = r.outcome === 'completed' ? (r.testWrite ? 'Test write finished' : 'Burn finished')
    : r.outcome === 'cancelled' ? 'Burn cancelled' : 'Burn failed';
  return (
    <section className={`result ${r.outcome}`} aria-labelledby="res-h">
      <h2 id="res-h">{headline}</h2>
      <p data-testid="result-summary" role="status">{summary(r)}</p>
      {r.error && r.outcome === 'failed' && <p className="error-text" role="alert">{formatKilnError(r.error)}</p>}
      {r.toc.length > 0 && (
        <table className="toc" aria-label="Table of contents">
          <thead><tr><th>Track</th><th>Start (LBA)</th><th>Start (MSF)</th><th>Length</th></tr></thead>
          <tbody>{r.toc.map((t) => (
            <tr key={t.number}><td>{t.number}</td><td>{t.startLba}</td><td>{msf(t.startLba + 150)}</td><td>{formatSectors(t.sectors)}</td></tr>
          ))}</tbody>
          <tfoot><tr><td>{r.finalized ? 'Lead-out' : 'Next track'}</td><td>{r.finalized ? r.leadOutLba : r.leadOutLba + 150}</td><td colSpan={2}></td></tr></tfoot>
        </table>
      )}
      <div className="actions">
        {urls && image && <>
          <a className="button" href={urls.cue} download={image.binName.replace(/\.bin$/, '.cue')}>Download CUE</a>
          <a className="button" href={urls.bin} download={image.binName}>Download BIN</a>
        </>}
        <button type="button" onClick={onDone}>Back to the album</button>
        {virtual && <button type="button" onClick={onNewDisc}>Insert a new blank disc</button>}
      </div>
    </section>
  );
}

export function summary(r: BurnResult): string {
  if (r.testWrite) {
    return r.outcome === 'completed'
      ? `Simulation of ${r.tracksWritten} track${r.tracksWritten === 1 ? '' : 's'} succeeded. Nothing was recorded; the disc is unchanged.`
      : 'Simulation stopped. Nothing was recorded; the disc is unchanged.';
  }
  const parts: string[] = [];
  parts.push(`${r.tracksWritten} track${r.tracksWritten === 1 ? '' : 's'} written`);
  if (r.shortenedTrack) parts.push(`track ${r.shortenedTrack.number} is shortened to ${formatSectors(r.shortenedTrack.sectors)} of ${formatSectors(r.shortenedTrack.ofSectors)}`);
  parts.push(`the disc now holds ${r.tracksOnDisc} track${r.tracksOnDisc === 1 ? '' : 's'}`);
  parts.push(r.finalized ? 'it is finalized and will play in CD players' : r.tracksOnDisc ? 'it is not finalized (more tracks can be added; many CD players cannot read it yet)' : 'it is still blank');
  return parts.join('; ') + '.';
}

function useObjectUrls(image: DiscImage | null): { cue: string; bin: string } | null {
  const [urls, setUrls] = useState<{ cue: string; bin: string } | null>(null);
  useEffect(() => {
    if (!image) { setUrls(null); return; }
    const u = { cue: URL.createObjectURL(new Blob([image.cue], { type: 'application/x-cue' })), bin: URL.createObjectURL(image.bin) };
    setUrls(u);
    return () => { URL.revokeObjectURL(u.cue); URL.revokeObjectURL(u.bin); };
  }, [image]);
  return urls;
}
