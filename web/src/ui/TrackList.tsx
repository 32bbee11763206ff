import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { formatSeconds, MIN_TRACK_SECTORS, SECTOR_BYTES } from '../lib/capacity';
import type { TrackItem } from '../lib/appState';

interface Props {
  tracks: TrackItem[];
  locked: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (id: string) => void;
}

/** The album: reorder by dragging the handle (mouse, touch, or keyboard: Space, arrows, Space), remove. */
export function TrackList({ tracks, locked, onMove, onRemove }: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(tracks.findIndex((t) => t.id === active.id), tracks.findIndex((t) => t.id === over.id));
  };
  if (!tracks.length) return <p className="empty">No tracks yet. Drop audio files here or use “Add files”.</p>;
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}
      accessibility={{ screenReaderInstructions: { draggable: 'To reorder a track, press Space, move it with the arrow keys, then press Space again to drop it or Escape to cancel.' } }}>
      <SortableContext items={tracks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
        <ol className="tracks" aria-label="Tracks">
          {tracks.map((t, i) => <Row key={t.id} track={t} index={i} locked={locked} onRemove={onRemove} />)}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function Row({ track: t, index, locked, onRemove }: { track: TrackItem; index: number; locked: boolean; onRemove: (id: string) => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: t.id, disabled: locked });
  const style = { transform: CSS.Transform.toString(transform), transition };
  const seconds = t.pcmBytes !== undefined ? t.pcmBytes / 4 / 44100 : 0;
  const padded = t.pcmBytes !== undefined && Math.ceil(t.pcmBytes / SECTOR_BYTES) < MIN_TRACK_SECTORS;
  return (
    <li ref={setNodeRef} style={style} className={`track ${isDragging ? 'dragging' : ''} ${t.status}`} data-testid="track-row">
      <button type="button" className="handle" ref={setActivatorNodeRef} {...attributes} {...listeners}
        aria-label={`Move ${t.title}`} disabled={locked}>⠿</button>
      <span className="num">{index + 1}</span>
      <span className="title" title={t.file.name}>{t.title}</span>
      <span className="meta">
        {t.status === 'probing' && <span className="reading">reading…</span>}
        {t.status === 'error' && <span className="error-text" role="alert">{t.error}</span>}
        {t.status === 'ready' && <>
          <span className="fmt">{formatLabel(t)}</span>
          <span className="dur">{formatSeconds(seconds)}</span>
          {padded && <span className="note" title="Tracks on a CD last at least 4 seconds">padded to 0:04</span>}
        </>}
      </span>
      <button type="button" className="remove" onClick={() => onRemove(t.id)} disabled={locked} aria-label={`Remove ${t.title}`}>✕</button>
    </li>
  );
}

function formatLabel(t: TrackItem): string {
  const names = { mp3: 'MP3', flac: 'FLAC', vorbis: 'Vorbis', opus: 'Opus', wav: 'WAV', aac: 'AAC' } as const;
  const rate = t.sampleRate && t.sampleRate !== 44100 ? ` ${t.sampleRate / 1000} kHz` : '';
  return t.format ? names[t.format] + rate : '';
}
