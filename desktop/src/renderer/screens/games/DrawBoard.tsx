import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAW_LIMITS, visibleStrokes, type DrawState } from '@hearth/common';
import { Button } from '../../ui/Button';
import { clampCoord, DrawMoves } from './board-model';

type Props = Readonly<{
  state: DrawState;
  me: string;
  friendName: string;
  canMove: boolean;
  onMove: (move: Record<string, unknown>) => void;
}>;

/** The pens, each with a name as well as a colour. */
const PENS = [
  { id: 'black', colour: '#222222' },
  { id: 'red', colour: '#d12a2a' },
  { id: 'blue', colour: '#1f5fd1' },
  { id: 'green', colour: '#1c8a3a' },
  { id: 'orange', colour: '#e07b00' },
] as const;
const WIDTH = 12;
/** The canvas's drawing size in pixels; coordinates on the wire are in [0, DRAW_LIMITS.canvas]. */
const W = 640;
const H = 400;
const KEY_STEP = 250;

const toWire = (px: number, size: number): number => clampCoord((px / size) * DRAW_LIMITS.canvas);

/**
 * Draw together: a shared canvas. A pointer stroke (down, moves, up) becomes one move, split into
 * parts only past 4 KiB; with the keyboard, arrows move the pen and Enter starts and ends a line.
 * Undo takes back this child's newest line; Clear and Finished cover everything seen so far.
 */
export function DrawBoard({ state, me, friendName, canMove, onMove }: Props): ReactElement {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const moves = useMemo(() => new DrawMoves(me), [me]);
  const [pen, setPen] = useState<(typeof PENS)[number]>(PENS[0]);
  const drawing = useRef<number[] | null>(null);
  const [cursor, setCursor] = useState<[number, number]>([DRAW_LIMITS.canvas / 2, DRAW_LIMITS.canvas / 2]);
  const [keyLine, setKeyLine] = useState(false);
  const strokes = visibleStrokes(state);

  // Redraw the whole canvas from the state (and the line being drawn) whenever either changes.
  const paint = (): void => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, W, H);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const line = (points: readonly number[], colour: string, width: number): void => {
      ctx.strokeStyle = colour;
      ctx.lineWidth = (width * W) / 1000;
      ctx.beginPath();
      for (let i = 0; i + 1 < points.length; i += 2) {
        const x = (points[i]! / DRAW_LIMITS.canvas) * W;
        const y = (points[i + 1]! / DRAW_LIMITS.canvas) * H;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      if (points.length === 2) ctx.lineTo((points[0]! / DRAW_LIMITS.canvas) * W, (points[1]! / DRAW_LIMITS.canvas) * H);
      ctx.stroke();
    };
    for (const s of strokes) line(s.points, s.colour, s.width);
    if (drawing.current) line(drawing.current, pen.colour, WIDTH);
    if (keyLine || document.activeElement === canvas.current) {
      ctx.strokeStyle = '#1d4ed8';
      ctx.lineWidth = 2;
      ctx.strokeRect((cursor[0] / DRAW_LIMITS.canvas) * W - 6, (cursor[1] / DRAW_LIMITS.canvas) * H - 6, 12, 12);
    }
  };
  useEffect(paint);

  const send = (op: Record<string, unknown> | null): void => {
    if (op && canMove) onMove(op);
  };
  const endStroke = (): void => {
    const points = drawing.current;
    drawing.current = null;
    if (!points || !canMove) return paint();
    for (const part of moves.stroke(state, points, pen.colour, WIDTH) ?? []) onMove(part);
  };

  const at = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = e.currentTarget.getBoundingClientRect();
    return [toWire(e.clientX - box.left, box.width), toWire(e.clientY - box.top, box.height)];
  };
  const onDown = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (!canMove) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = at(e);
    paint();
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>): void => {
    if (!drawing.current) return;
    const [x, y] = at(e);
    const n = drawing.current.length;
    if (drawing.current[n - 2] === x && drawing.current[n - 1] === y) return;
    drawing.current.push(x, y);
    paint();
  };

  const onKey = (e: KeyboardEvent<HTMLCanvasElement>): void => {
    const step: Record<string, [number, number]> = {
      ArrowLeft: [-KEY_STEP, 0],
      ArrowRight: [KEY_STEP, 0],
      ArrowUp: [0, -KEY_STEP],
      ArrowDown: [0, KEY_STEP],
    };
    const d = step[e.key];
    if (d) {
      e.preventDefault();
      const next: [number, number] = [clampCoord(cursor[0] + d[0]), clampCoord(cursor[1] + d[1])];
      setCursor(next);
      if (drawing.current) drawing.current.push(...next);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (!canMove) return;
      if (drawing.current) {
        setKeyLine(false);
        endStroke();
      } else {
        drawing.current = [...cursor];
        setKeyLine(true);
      }
    }
  };

  return (
    <div className="draw-game">
      <p className="hint" id="draw-keys">
        {t('games.keysDraw')}
      </p>
      <canvas
        ref={canvas}
        className="draw-canvas"
        width={W}
        height={H}
        tabIndex={0}
        role="img"
        aria-label={t('games.canvas', { name: friendName })}
        aria-describedby="draw-keys"
        data-testid="draw-canvas"
        data-strokes={strokes.length}
        onPointerDown={onDown}
        onPointerMove={onPointerMove}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
        onFocus={paint}
        onBlur={paint}
        onKeyDown={onKey}
      />
      <p className="draw-count" data-testid="draw-count">
        {t('games.strokes', { count: strokes.length })}
      </p>
      <div className="draw-tools">
        <div className="draw-pens" role="group" aria-label={t('games.colours')}>
          {PENS.map((p) => (
            <button
              key={p.id}
              type="button"
              className="draw-pen"
              aria-pressed={pen.id === p.id}
              data-testid={`draw-pen-${p.id}`}
              onClick={() => setPen(p)}
            >
              <span className="draw-swatch" style={{ background: p.colour }} aria-hidden="true" />
              {t(`games.colour.${p.id}`)}
            </button>
          ))}
        </div>
        <Button icon="↩️" data-testid="draw-undo" disabled={!canMove} onClick={() => send(moves.undo(state))}>
          {t('games.undo')}
        </Button>
        <Button icon="🧽" data-testid="draw-clear" disabled={!canMove} onClick={() => send(moves.mark(state, 'clear'))}>
          {t('games.clear')}
        </Button>
        <Button
          variant="primary"
          icon="🏁"
          data-testid="draw-finish"
          disabled={!canMove}
          onClick={() => send(moves.mark(state, 'finish'))}
        >
          {t('games.finish')}
        </Button>
      </div>
    </div>
  );
}
