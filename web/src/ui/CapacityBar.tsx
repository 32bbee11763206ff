import { formatSectors, MEDIA, type CapacityReport, type MediaKind } from '../lib/capacity';

interface Props { cap: CapacityReport; media: MediaKind; locked: boolean; onMedia: (m: MediaKind) => void }

/** How much of the disc the album uses, counting 2-second gaps and 4-second minimums. */
export function CapacityBar({ cap, media, locked, onMedia }: Props) {
  const pct = Math.min(100, (cap.usedSectors / cap.totalSectors) * 100);
  return (
    <section className="capacity" aria-labelledby="cap-h">
      <div className="cap-head">
        <h2 id="cap-h">Disc</h2>
        <label>Media{' '}
          <select value={media} onChange={(e) => onMedia(e.target.value as MediaKind)} disabled={locked}>
            {(Object.keys(MEDIA) as MediaKind[]).map((k) => <option key={k} value={k}>{MEDIA[k].label}</option>)}
          </select>
        </label>
      </div>
      <div className={`meter ${cap.fits ? '' : 'over'}`} role="meter" aria-label="Disc space used"
        aria-valuemin={0} aria-valuemax={cap.totalSectors} aria-valuenow={Math.min(cap.usedSectors, cap.totalSectors)}
        aria-valuetext={`${formatSectors(cap.usedSectors)} of ${formatSectors(cap.totalSectors)}`}>
        <div className="fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="cap-text">
        {formatSectors(cap.usedSectors)} of {formatSectors(cap.totalSectors)} used
        {cap.fits ? <> · {formatSectors(cap.freeSectors)} free</> : null}
        <span className="hint"> (includes 2-second gaps between tracks)</span>
      </p>
      {!cap.fits && (
        <div className="warning" role="alert">
          <strong>The album does not fit.</strong>{' '}
          {cap.tooManyTracks
            ? 'A CD holds at most 99 tracks.'
            : <>It is {formatSectors(-cap.freeSectors)} too long for {MEDIA[media].label}. Nothing will be written until you remove tracks or choose larger media.</>}
        </div>
      )}
    </section>
  );
}
