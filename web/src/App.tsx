import { memo, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useDropzone } from 'react-dropzone';
import { burnBlocker, capacityOf, initialState, reducer } from './lib/appState';
import { formatKilnError, toKilnError } from './lib/errors';
import type { BurnEngine, DiscImage, EngineInfo, TrackSpec } from './engine/types';
import type { ClaimedDrive } from './usb/webusb';
import type { MediaKind } from './lib/capacity';
import { TrackList } from './ui/TrackList';
import { CapacityBar } from './ui/CapacityBar';
import { DrivePicker, type DriveKind } from './ui/DrivePicker';
import { BurnOptionsForm } from './ui/BurnOptionsForm';
import { ProgressPanel } from './ui/ProgressPanel';
import { ResultPanel } from './ui/ResultPanel';
import { useBeforeUnload, useWakeLock } from './ui/hooks';

const ACCEPT = {
  'audio/*': ['.mp3', '.flac', '.ogg', '.oga', '.opus', '.wav', '.m4a', '.aac', '.mp4'],
};

let nextTrackId = 1;

/** Progress arrives ~10 times a second during a burn; the track list (one sortable row per track) and the capacity
 *  bar need not re-render for it, so the page's work and garbage per update do not grow with the album. */
const TrackListMemo = memo(TrackList);
const CapacityBarMemo = memo(CapacityBar);

export function App({ engine }: { engine: BurnEngine }) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const [drive, setDrive] = useState<DriveKind>('virtual');
  const [usbDrive, setUsbDrive] = useState<ClaimedDrive | null>(null);
  const [image, setImage] = useState<DiscImage | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [engineInfo, setEngineInfo] = useState<EngineInfo | null>(null);
  useEffect(() => { engine.info().then(setEngineInfo, () => setEngineInfo(null)); }, [engine]);
  const burning = state.phase.kind === 'burning';
  // Capacity depends on the tracks and options only (not on progress).
  const cap = useMemo(() => capacityOf(state), [state.tracks, state.options]);
  const moveTrack = useCallback((from: number, to: number) => dispatch({ type: 'move', from, to }), []);
  const removeTrack = useCallback((id: string) => dispatch({ type: 'remove', id }), []);
  const setMedia = useCallback((media: MediaKind) => dispatch({ type: 'options', options: { media } }), []);
  const stateRef = useRef(state);
  stateRef.current = state;
  useWakeLock(burning);
  useBeforeUnload(burning);

  const addFiles = useCallback((files: File[]) => {
    if (stateRef.current.phase.kind === 'burning' || !files.length) return;
    const items = files.map((file) => ({ id: `t${nextTrackId++}`, file }));
    dispatch({ type: 'add', items });
    for (const { id, file } of items) {
      engine.probe(file, file.name).then(
        (info) => dispatch({ type: 'probed', id, format: info.format, sampleRate: info.sampleRate, pcmBytes: info.pcmBytes }),
        (err) => dispatch({ type: 'probeFailed', id, error: plainProbeError(err) }),
      );
    }
  }, [engine]);

  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    onDrop: addFiles, accept: ACCEPT, noClick: true, noKeyboard: true, multiple: true,
    // Not `disabled: burning`: that puts aria-disabled on the page root, which disables Cancel for assistive tech.
    // Drops during a burn are ignored in addFiles instead.
  });

  const usbBlocker = drive === 'webusb' && !usbDrive ? 'Choose a USB drive first.' : null;
  const blocker = burnBlocker(state) ?? usbBlocker;

  async function burn() {
    if (blocker) return;
    const tracks: TrackSpec[] = state.tracks.map((t) => ({ id: t.id, file: t.file, title: t.title, format: t.format!, pcmBytes: t.pcmBytes! }));
    dispatch({ type: 'burnStart' });
    setImage(null); setNotice(null);
    try {
      const target = drive === 'webusb' && usbDrive ? { kind: 'webusb' as const, drive: usbDrive } : { kind: 'virtual' as const };
      const result = await engine.burn(tracks, state.options, (progress) => dispatch({ type: 'progress', progress }), target);
      setImage(target.kind === 'virtual' && result.tracksOnDisc > 0 ? await engine.exportImage() : null);
      dispatch({ type: 'burnDone', result });
    } catch (e) {
      const error = toKilnError(e);
      dispatch({ type: 'burnDone', result: { outcome: 'failed', tracksWritten: 0, tracksOnDisc: 0, finalized: false, testWrite: state.options.testWrite, toc: [], leadOutLba: 0, error } });
    }
  }

  function cancel() { engine.cancel(); dispatch({ type: 'cancelRequested' }); }

  async function newDisc() {
    try { await engine.newDisc(state.options.media); setImage(null); setNotice('A new blank disc is in the virtual drive.'); dispatch({ type: 'dismissResult' }); }
    catch (e) { setNotice(formatKilnError(toKilnError(e))); }
  }

  return (
    <div {...getRootProps({ className: `app ${isDragActive ? 'drag-over' : ''}` })}>
      <header>
        <h1>Kiln</h1>
        <p className="tagline">Burn an audio CD from your music files</p>
      </header>
      <main>
        <section className="album" aria-labelledby="album-h">
          <div className="album-head">
            <h2 id="album-h">Album</h2>
            <input {...getInputProps({ 'aria-label': 'Audio files' } as React.InputHTMLAttributes<HTMLInputElement>)} data-testid="file-input" />
            <button type="button" onClick={open} disabled={burning}>Add files</button>
          </div>
          <div className="dropzone" aria-hidden="true">{isDragActive ? 'Drop to add' : 'Drag audio files anywhere onto this page (MP3, FLAC, Ogg Vorbis, Opus, WAV, AAC/M4A)'}</div>
          <TrackListMemo tracks={state.tracks} locked={burning} onMove={moveTrack} onRemove={removeTrack} />
        </section>
        <aside>
          <CapacityBarMemo cap={cap} media={state.options.media} locked={burning} onMedia={setMedia} />
          <DrivePicker kind={drive} locked={burning} onKind={setDrive} usbDrive={usbDrive} onUsbDrive={setUsbDrive} />
          <BurnOptionsForm options={state.options} locked={burning} onChange={(options) => dispatch({ type: 'options', options })} />
          {state.phase.kind !== 'burning' && (
            <div className="burn-row">
              <button type="button" className="primary burn" onClick={burn} disabled={!!blocker} aria-describedby={blocker ? 'burn-blocker' : undefined}>Burn</button>
              {blocker && state.tracks.length > 0 && <p id="burn-blocker" className="hint">{blocker}</p>}
            </div>
          )}
          {notice && <p className="notice" role="status">{notice}</p>}
        </aside>
        {state.phase.kind === 'burning' && <ProgressPanel progress={state.phase.progress} cancelling={state.phase.cancelling} onCancel={cancel} />}
        {state.phase.kind === 'done' && <ResultPanel result={state.phase.result} image={image} virtual={drive === 'virtual'} onDone={() => dispatch({ type: 'dismissResult' })} onNewDisc={newDisc} />}
      </main>
      <footer data-testid="engine">
        {engineInfo?.engine === 'wasm' && 'Writer: the Kiln core (C++ compiled to WebAssembly), running in a worker in this tab.'}
        {engineInfo?.engine === 'preview' && 'Writer: preview stand-in (this build has no WebAssembly core; run scripts/web-wasm-build).'}
        {engineInfo?.discStorage === 'opfs' && ' The virtual disc is kept in this browser\'s private file storage (OPFS), not in memory.'}
        {engineInfo?.discStorage === 'memory' && ' This browser has no private file storage (OPFS) for workers, so the virtual disc is kept in memory: a long album needs as much memory as the disc (up to 850 MB).'}
      </footer>
    </div>
  );
}

function plainProbeError(err: unknown): string {
  const k = toKilnError(err);
  return k.message.replace(/^Error: /, '') || 'could not read this file';
}
