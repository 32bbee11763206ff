import { useState } from 'react';
import { explainNoWebUsb, explainUsbError, type UsbExplanation } from '../lib/usbExplain';
import { claimMassStorage, MASS_STORAGE_FILTERS, webUsb, type ClaimedDrive } from '../usb/webusb';

export type DriveKind = 'virtual' | 'webusb';
interface Props { kind: DriveKind; locked: boolean; onKind: (k: DriveKind) => void; usbDrive: ClaimedDrive | null; onUsbDrive: (d: ClaimedDrive | null) => void }

/** Virtual drive (default, no hardware) or a USB drive through WebUSB, with a plain explanation when the
 *  browser or the operating system will not hand the drive over. */
export function DrivePicker({ kind, locked, onKind, usbDrive, onUsbDrive }: Props) {
  const [problem, setProblem] = useState<UsbExplanation | null>(null);
  const [busy, setBusy] = useState(false);

  async function chooseUsb() {
    setProblem(null);
    const usb = webUsb();
    if (!usb) { setProblem(explainNoWebUsb(window.isSecureContext)); return; }
    setBusy(true);
    try {
      const device = await usb.requestDevice({ filters: MASS_STORAGE_FILTERS });
      onUsbDrive(await claimMassStorage(device));
    } catch (e) {
      onUsbDrive(null);
      setProblem(explainUsbError(e));
    } finally { setBusy(false); }
  }

  return (
    <section className="drive" aria-labelledby="drive-h">
      <h2 id="drive-h">Drive</h2>
      <fieldset disabled={locked}>
        <legend className="sr-only">Drive</legend>
        <label className="radio"><input type="radio" name="drive" value="virtual" checked={kind === 'virtual'} onChange={() => onKind('virtual')} />
          Virtual drive (in this browser) <span className="hint">— no hardware needed; download the disc as CUE/BIN</span></label>
        <label className="radio"><input type="radio" name="drive" value="webusb" checked={kind === 'webusb'} onChange={() => onKind('webusb')} />
          USB drive (WebUSB)</label>
      </fieldset>
      {kind === 'webusb' && (
        <div className="usb">
          <button type="button" onClick={chooseUsb} disabled={locked || busy}>{busy ? 'Opening…' : 'Choose USB drive…'}</button>
          {usbDrive && <p className="ok" role="status">Connected: {usbDrive.label} (interface {usbDrive.interfaceNumber})</p>}
          {problem && <UsbProblem p={problem} />}
        </div>
      )}
    </section>
  );
}

function UsbProblem({ p }: { p: UsbExplanation }) {
  return (
    <div className="explain" role="alert" aria-labelledby="usb-problem-title" data-kind={p.kind}>
      <h3 id="usb-problem-title">{p.title}</h3>
      <p>{p.why}</p>
      <p>What works instead:</p>
      <ul>{p.alternatives.map((a) => <li key={a}>{a}</li>)}</ul>
      <details><summary>Technical details</summary><code>{p.technical}</code></details>
    </div>
  );
}
