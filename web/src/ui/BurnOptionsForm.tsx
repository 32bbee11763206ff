import type { BurnOptions } from '../engine/types';

const SPEEDS = [0, 1, 2, 4, 8, 16, 24, 48];

/** Write speed, test write (simulation) and do-not-finalize (IMAPI RequestedWriteSpeed, MMC Test Write,
 *  DoNotFinalizeMedia). */
export function BurnOptionsForm({ options, locked, onChange }: { options: BurnOptions; locked: boolean; onChange: (o: Partial<BurnOptions>) => void }) {
  return (
    <fieldset className="options" disabled={locked}>
      <legend>Options</legend>
      <label>Write speed{' '}
        <select value={options.speed} onChange={(e) => onChange({ speed: Number(e.target.value) })}>
          {SPEEDS.map((s) => <option key={s} value={s}>{s === 0 ? 'Maximum' : `${s}×`}</option>)}
        </select>
      </label>
      <label className="check"><input type="checkbox" checked={options.testWrite} onChange={(e) => onChange({ testWrite: e.target.checked })} />
        Test write (simulation: nothing is recorded)</label>
      <label className="check"><input type="checkbox" checked={options.doNotFinalize} onChange={(e) => onChange({ doNotFinalize: e.target.checked })} />
        Do not finalize (more tracks can be added later; most CD players need a finalized disc)</label>
    </fieldset>
  );
}
