// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import type { BurnEngine, BurnResult, TaoProgress } from './engine/types';

afterEach(cleanup);

/** An engine whose burn is driven by the test: progress and completion are pushed by hand. */
function fakeEngine(pcmBytes = 60 * 44100 * 4) {
  let finish: (r: BurnResult) => void = () => {};
  let progress: (p: TaoProgress) => void = () => {};
  const engine: BurnEngine = {
    info: async () => ({ engine: 'wasm' }),
    probe: vi.fn(async () => ({ format: 'flac' as const, sampleRate: 44100, channels: 2, pcmBytes })),
    burn: vi.fn((_t, _o, onProgress) => { progress = onProgress; return new Promise<BurnResult>((r) => { finish = r; }); }),
    cancel: vi.fn(),
    exportImage: vi.fn(async () => null),
    newDisc: vi.fn(async () => {}),
  };
  return { engine, finish: (r: BurnResult) => finish(r), progress: (p: TaoProgress) => progress(p) };
}

async function addFile(name: string) {
  const input = screen.getByLabelText('Audio files') as HTMLInputElement;
  await act(async () => { fireEvent.change(input, { target: { files: [new File([new Uint8Array(8)], name, { type: 'audio/flac' })] } }); });
}

describe('App', () => {
  it('has named controls; Burn is disabled until a readable track is listed', async () => {
    const { engine } = fakeEngine();
    render(<App engine={engine} />);
    expect(screen.getByRole('button', { name: 'Add files' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Burn' }) as HTMLButtonElement).disabled).toBe(true);
    await addFile('01 - Opening.flac');
    await waitFor(() => expect(screen.getByText('1:00')).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Remove Opening' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Move Opening' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Burn' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('burns with progress, cancels through the engine, and states the result', async () => {
    const { engine, finish, progress } = fakeEngine();
    render(<App engine={engine} />);
    await addFile('a.flac');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Burn' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Burn' }));
    await act(async () => progress({
      action: 'writing', trackNumber: 1, trackIndex: 1, trackCount: 1, startLba: 0, sectorCount: 4500, lastWrittenLba: 2249,
      writtenSectors: 2250, totalSectors: 4500, elapsedMs: 10_000, remainingMs: 10_000, bufferUsedBytes: 1 << 20, bufferTotalBytes: 2 << 20,
    }));
    const bar = screen.getByRole('progressbar', { name: 'Burn progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByText('Writing track 1 of 1')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Drive buffer' }).getAttribute('aria-valuenow')).toBe('50');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(engine.cancel).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Cancelling after the current write…')).toBeTruthy();
    await act(async () => finish({
      outcome: 'cancelled', tracksWritten: 1, tracksOnDisc: 1, finalized: true, testWrite: false,
      shortenedTrack: { number: 1, sectors: 2250, ofSectors: 4500 }, toc: [{ number: 1, startLba: 0, sectors: 2250 }], leadOutLba: 2250,
    }));
    expect(screen.getByRole('heading', { name: 'Burn cancelled' })).toBeTruthy();
    expect(screen.getByTestId('result-summary').textContent)
      .toBe('1 track written; track 1 is shortened to 0:30 of 1:00; the disc now holds 1 track; it is finalized and will play in CD players.');
  });

  it('warns and blocks Burn when the album does not fit 74-minute media', async () => {
    const { engine } = fakeEngine(75 * 60 * 44100 * 4);
    render(<App engine={engine} />);
    await addFile('long.flac');
    await waitFor(() => expect(screen.getByText('75:00')).toBeTruthy());
    expect(screen.queryByText('The album does not fit.')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Media' }), { target: { value: 'cd74' } });
    expect(screen.getByRole('alert').textContent).toMatch(/The album does not fit\. It is 1:02 too long for 74 min CD-R/);
    expect((screen.getByRole('button', { name: 'Burn' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
