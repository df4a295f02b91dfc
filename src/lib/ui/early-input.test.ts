/**
 * Input before hydration (early-input.js): the inline script run from its source text in a
 * bare global scope with a stand-in document, then the layout's replay.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EARLY_INPUT, earlyInputScript, replayEarlyInput } from './early-input.js';

type Listener = (e: Record<string, unknown>) => void;
type Dispatched = { type: string; init: Record<string, unknown> };

class FakeElement {
  disabled = false;
  isConnected = true;
  attrs = new Map<string, string>();
  events: Dispatched[] = [];
  constructor(
    readonly name: string,
    readonly tag = 'button'
  ) {}
  closest(selector: string) {
    return selector === this.tag ? this : null;
  }
  setAttribute(k: string, v: string) {
    this.attrs.set(k, v);
  }
  removeAttribute(k: string) {
    this.attrs.delete(k);
  }
  dispatchEvent(e: Dispatched) {
    this.events.push(e);
    return true;
  }
}

/** A page's global scope with the script run in it, and ways to press and drop. */
function page() {
  const listeners = new Map<string, { fn: Listener; capture: boolean }>();
  const g: Record<string, unknown> = {
    document: { addEventListener: (type: string, fn: Listener, capture: boolean) => listeners.set(type, { fn, capture }) },
    MouseEvent: class {
      constructor(
        readonly type: string,
        readonly init: Record<string, unknown>
      ) {}
    },
    DragEvent: class {
      constructor(
        readonly type: string,
        readonly init: Record<string, unknown>
      ) {}
    },
    DataTransfer: class {
      files: unknown[] = [];
      items = { add: (f: unknown) => this.files.push(f) };
    }
  };
  g.self = g;
  runInNewContext(earlyInputScript(), g);
  const fire = (type: string, e: Record<string, unknown>) => {
    let prevented = false;
    listeners.get(type)!.fn({ ...e, preventDefault: () => (prevented = true) });
    return prevented;
  };
  const press = (target: unknown, mods: Partial<MouseEvent> = {}) =>
    fire('click', { target, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  const drag = (type: 'dragover' | 'drop', target: unknown, files: unknown[], types = ['Files']) => fire(type, { target, dataTransfer: { types, files } });
  return { g, press, drag, capturing: () => [...listeners.values()].every((l) => l.capture) };
}

describe('a press before hydration', () => {
  it('is kept, with its modifier keys, and the button is marked busy; every listener captures', () => {
    const { g, press, capturing } = page();
    const [a, b] = [new FakeElement('a'), new FakeElement('b')];
    press(a);
    press(b, { ctrlKey: true });
    expect(capturing()).toBe(true);
    const kept = g[EARLY_INPUT.global] as { button: FakeElement; ctrlKey: boolean }[];
    expect(kept.map((k) => [k.button.name, k.ctrlKey])).toEqual([
      ['a', false],
      ['b', true]
    ]);
    expect(a.attrs.get('aria-busy')).toBe('true');
  });

  it('is not kept on a disabled button, outside any button, or a second time on the same button', () => {
    const { g, press } = page();
    const off = Object.assign(new FakeElement('off'), { disabled: true });
    const a = new FakeElement('a');
    press(off);
    press({ closest: () => null });
    press(null);
    press(a);
    press(a, { shiftKey: true });
    expect((g[EARLY_INPUT.global] as unknown[]).length).toBe(1);
    expect(off.attrs.has('aria-busy')).toBe(false);
  });
});

describe('files dropped before hydration', () => {
  it('are not opened by the browser in place of the page (dragover and drop prevented) and are kept', () => {
    const { g, drag } = page();
    const zone = new FakeElement('zone', 'div');
    expect(drag('dragover', zone, [])).toBe(true);
    expect(drag('drop', zone, ['cases.csv', 'participation.csv'])).toBe(true);
    expect(g[EARLY_INPUT.global]).toEqual([{ target: zone, files: ['cases.csv', 'participation.csv'] }]);
  });

  it('are left alone when what is dragged is not files (text, a link)', () => {
    const { g, drag } = page();
    expect(drag('dragover', new FakeElement('zone', 'div'), [], ['text/plain'])).toBe(false);
    expect(drag('drop', new FakeElement('zone', 'div'), [], ['text/plain'])).toBe(false);
    expect(g[EARLY_INPUT.global]).toEqual([]);
  });
});

describe('the replay once every handler is attached', () => {
  it('makes each kept press and drop again in order: bubbling clicks with the same modifiers, drops with the same files', () => {
    const { g, press, drag } = page();
    const [a, zone, b] = [new FakeElement('a'), new FakeElement('zone', 'div'), new FakeElement('b')];
    press(a, { shiftKey: true });
    drag('drop', zone, ['cases.csv']);
    press(b);
    expect(replayEarlyInput(g)).toBe(3);
    expect(a.events).toEqual([{ type: 'click', init: expect.objectContaining({ bubbles: true, shiftKey: true, ctrlKey: false }) }]);
    expect(b.events).toEqual([{ type: 'click', init: expect.objectContaining({ bubbles: true, shiftKey: false }) }]);
    expect(zone.events).toEqual([{ type: 'drop', init: expect.objectContaining({ bubbles: true, cancelable: true }) }]);
    expect((zone.events[0]!.init.dataTransfer as { files: unknown[] }).files).toEqual(['cases.csv']);
    expect(a.attrs.has('aria-busy')).toBe(false);
  });

  it('skips a button or drop target no longer in the document, or a button disabled since, but clears its mark', () => {
    const { g, press, drag } = page();
    const [gone, off, ok, zone] = [new FakeElement('gone'), new FakeElement('off'), new FakeElement('ok'), new FakeElement('zone', 'div')];
    press(gone);
    press(off);
    press(ok);
    drag('drop', zone, ['x.csv']);
    gone.isConnected = false;
    off.disabled = true;
    zone.isConnected = false;
    expect(replayEarlyInput(g)).toBe(1);
    expect([gone.events.length, off.events.length, ok.events.length, zone.events.length]).toEqual([0, 0, 1, 0]);
    expect(gone.attrs.has('aria-busy') || off.attrs.has('aria-busy')).toBe(false);
  });

  it('ends the capture: later input is the page’s own, and a second replay does nothing', () => {
    const { g, press, drag } = page();
    const a = new FakeElement('a');
    replayEarlyInput(g);
    press(a);
    expect(drag('dragover', a, [])).toBe(false);
    expect(drag('drop', a, ['x.csv'])).toBe(false);
    expect(a.attrs.has('aria-busy')).toBe(false);
    expect(replayEarlyInput(g)).toBe(0);
    expect(a.events).toEqual([]);
  });

  it('does nothing on a page without the script', () => {
    expect(replayEarlyInput({})).toBe(0);
  });
});
