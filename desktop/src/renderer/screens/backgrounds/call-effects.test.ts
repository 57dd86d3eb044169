import { describe, expect, it } from 'vitest';
import type { BackgroundChoice, HearthApi, IpcResult } from '@hearth/common';
import type { VideoProcessor } from '../../calls/call-types';
import type { Background, EffectsNotice, EffectsPipeline, EffectsPipelineOptions } from '../../effects';
import { createCallEffects } from './call-effects';

const PICTURE_ID = '01J0000000000000000000000P';

type FakePipeline = EffectsPipeline & { backgrounds: Background[]; stopped: boolean; tell: (n: EffectsNotice) => void };

function world(initial: BackgroundChoice) {
  const remembered = { choice: initial };
  const saved: BackgroundChoice[] = [];
  const asked = { lists: 0 };
  const hearth = {
    listMyBackgrounds: async (): Promise<IpcResult<unknown>> => {
      asked.lists += 1;
      return { ok: true, value: { pictures: [], choice: remembered.choice } };
    },
    setMyBackground: async ({ choice }: { choice: BackgroundChoice }): Promise<IpcResult<unknown>> => {
      if (choice.kind === 'picture' && choice.id !== PICTURE_ID)
        return { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } };
      remembered.choice = choice;
      saved.push(choice);
      return { ok: true, value: choice };
    },
    readMyBackground: async (): Promise<IpcResult<unknown>> => ({
      ok: true,
      value: { picture: { id: PICTURE_ID, mime: 'image/png', size: 4, addedAt: 0 }, dataBase64: 'iVBORw==' },
    }),
  } as unknown as HearthApi;
  const processors: (VideoProcessor | null)[] = [];
  const pipelines: FakePipeline[] = [];
  const createPipeline = (o: EffectsPipelineOptions): EffectsPipeline => {
    const listeners = new Set<(n: EffectsNotice) => void>();
    const p: FakePipeline = {
      outputTrack: { id: `out-of-${o.track.id}` } as MediaStreamTrack,
      ready: Promise.resolve(),
      backgrounds: [o.background ?? { kind: 'off' }],
      stopped: false,
      setBackground: async (b) => void p.backgrounds.push(b),
      stats: () => {
        throw new Error('unused');
      },
      onNotice: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      stop: () => {
        p.stopped = true;
      },
      tell: (n) => listeners.forEach((l) => l(n)),
    };
    pipelines.push(p);
    return p;
  };
  const effects = createCallEffects({
    hearth,
    hook: { setVideoProcessor: async (p) => void processors.push(p) },
    assetsBase: 'http://127.0.0.1/effects/',
    createPipeline,
  });
  const camera = { id: 'camera' } as MediaStreamTrack;
  /** What the call service does at a call: runs the latest processor on the camera. */
  const callStarts = async () => {
    const p = processors.at(-1);
    return p ? p(camera) : { track: camera, stop: () => undefined };
  };
  return { effects, processors, pipelines, saved, camera, remembered, callStarts, asked };
}

describe('background effects in calls', () => {
  it('sends the camera as it is, with no pipeline, when the child chose no background', async () => {
    const w = world({ kind: 'off' });
    await w.effects.load();
    const sent = await w.callStarts();
    expect(sent.track).toBe(w.camera);
    expect(w.pipelines).toEqual([]);
  });

  it('sends the pipeline’s output track, drawn with the remembered background', async () => {
    const w = world({ kind: 'bundled', id: 'ocean' });
    await w.effects.load();
    const sent = await w.callStarts();
    expect(sent.track.id).toBe('out-of-camera');
    expect(w.pipelines[0]?.backgrounds).toEqual([{ kind: 'bundled', id: 'ocean' }]);
    sent.stop();
    expect(w.pipelines[0]?.stopped).toBe(true);
  });

  it('uses a choice made in "My background" after it loaded', async () => {
    const w = world({ kind: 'off' });
    await w.effects.load();
    w.remembered.choice = { kind: 'picture', id: PICTURE_ID };
    const sent = await w.callStarts();
    expect(sent.track.id).toBe('out-of-camera');
    expect(w.pipelines[0]?.backgrounds[0]?.kind).toBe('picture');
  });

  it('reads the choice while the camera opens, so the camera goes out without another trip to main', async () => {
    const w = world({ kind: 'off' });
    await w.effects.load();
    const processor = w.processors.at(-1);
    w.remembered.choice = { kind: 'bundled', id: 'ocean' };
    const before = w.asked.lists;
    const preparing = processor?.prepare?.();
    expect(w.asked.lists).toBe(before + 1);
    await preparing;
    const sent = await w.callStarts();
    expect(w.asked.lists).toBe(before + 1);
    expect(sent.track.id).toBe('out-of-camera');
    expect(w.pipelines[0]?.backgrounds).toEqual([{ kind: 'bundled', id: 'ocean' }]);
    // The next call without a `prepare` (a service that does not call it) still reads the choice.
    sent.stop();
    await w.callStarts();
    expect(w.asked.lists).toBe(before + 2);
  });

  it('switches the background of a running call without a new track, and remembers it', async () => {
    const w = world({ kind: 'blur' });
    await w.effects.load();
    await w.callStarts();
    expect(await w.effects.choose({ kind: 'picture', id: PICTURE_ID })).toBe(true);
    expect(w.pipelines[0]?.backgrounds.at(-1)?.kind).toBe('picture');
    expect(w.saved).toEqual([{ kind: 'picture', id: PICTURE_ID }]);
    expect(w.processors).toHaveLength(1);
    expect(w.effects.state().choice).toEqual({ kind: 'picture', id: PICTURE_ID });
  });

  it('goes back to the plain camera when the child turns the background off in a call, and on again', async () => {
    const w = world({ kind: 'blur' });
    await w.effects.load();
    const first = await w.callStarts();
    await w.effects.choose({ kind: 'off' });
    expect(w.processors).toHaveLength(2);
    first.stop();
    expect((await w.callStarts()).track).toBe(w.camera);
    await w.effects.choose({ kind: 'bundled', id: 'space' });
    expect(w.processors).toHaveLength(3);
    expect((await w.callStarts()).track.id).toBe('out-of-camera');
    expect(w.pipelines.at(-1)?.backgrounds).toEqual([{ kind: 'bundled', id: 'space' }]);
  });

  it('keeps the old background and says why when main refuses a choice', async () => {
    const w = world({ kind: 'blur' });
    await w.effects.load();
    expect(await w.effects.choose({ kind: 'picture', id: '01J0000000000000000000000X' })).toBe(false);
    expect(w.effects.state()).toMatchObject({ choice: { kind: 'blur' }, error: { code: 'NOT_FOUND' } });
  });

  it('passes what the pipeline tells the child on, and clears it with a new choice', async () => {
    const w = world({ kind: 'blur' });
    await w.effects.load();
    await w.callStarts();
    let told = 0;
    w.effects.subscribe(() => (told += 1));
    w.pipelines[0]?.tell({ code: 'effects-turned-off' });
    expect(w.effects.state().notice).toBe('effects-turned-off');
    expect(told).toBe(1);
    await w.effects.choose({ kind: 'bundled', id: 'meadow' });
    expect(w.effects.state().notice).toBeNull();
  });

  it('takes itself out of the call service and stops its pipelines when disposed', async () => {
    const w = world({ kind: 'blur' });
    await w.effects.load();
    await w.callStarts();
    await w.effects.dispose();
    expect(w.processors.at(-1)).toBeNull();
    expect(w.pipelines[0]?.stopped).toBe(true);
  });
});
