/**
 * Presses before hydration (early-presses.js): the inline script run from its source text in a
 * bare global scope with a stand-in document, then the layout's replay.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EARLY_PRESSES, earlyPressScript, replayEarlyPresses } from './early-presses.js';

type Listener = (e: Partial<MouseEvent>) => void;

class FakeButton {
  disabled = false;
  isConnected = true;
  attrs = new Map<string, string>();
  clicks: Record<string, unknown>[] = [];
  constructor(readonly name: string) {}
  closest(selector: string) {
    return selector === 'button' ? this : null;
  }
  setAttribute(k: string, v: string) {
    this.attrs.set(k, v);
  }
  removeAttribute(k: string) {
    this.attrs.delete(k);
  }
  dispatchEvent(e: { type: string; init: Record<string, unknown> }) {
    this.clicks.push({ type: e.type, ...e.init });
    return true;
  }
}

/** A page's global scope with the script run in it, and a way to press. */
function page() {
  let listener: Listener | undefined;
  let capture: boolean | undefined;
  const g: Record<string, unknown> = {
    document: {
      addEventListener: (type: string, fn: Listener, useCapture: boolean) => {
        if (type === 'click') [listener, capture] = [fn, useCapture];
      }
    },
    MouseEvent: class {
      constructor(
        readonly type: string,
        readonly init: Record<string, unknown>
      ) {}
    }
  };
  g.self = g;
  runInNewContext(earlyPressScript(), g);
  const press = (target: unknown, mods: Partial<MouseEvent> = {}) => listener!({ target: target as EventTarget, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  return { g, press, capture: () => capture };
}

describe('a press before hydration', () => {
  it('is kept, with its modifier keys, and the button is marked busy; the listener captures', () => {
    const { g, press, capture } = page();
    const [a, b] = [new FakeButton('a'), new FakeButton('b')];
    press(a);
    press(b, { ctrlKey: true });
    expect(capture()).toBe(true);
    const kept = g[EARLY_PRESSES.global] as { button: FakeButton; ctrlKey: boolean }[];
    expect(kept.map((k) => [k.button.name, k.ctrlKey])).toEqual([
      ['a', false],
      ['b', true]
    ]);
    expect(a.attrs.get('aria-busy')).toBe('true');
  });

  it('is not kept on a disabled button, outside any button, or a second time on the same button', () => {
    const { g, press } = page();
    const off = Object.assign(new FakeButton('off'), { disabled: true });
    const a = new FakeButton('a');
    press(off);
    press({ closest: () => null });
    press(null);
    press(a);
    press(a, { shiftKey: true });
    expect((g[EARLY_PRESSES.global] as unknown[]).length).toBe(1);
    expect(off.attrs.has('aria-busy')).toBe(false);
  });
});

describe('the replay once every handler is attached', () => {
  it('presses each kept button again in order, bubbling, with the same modifiers, and clears the busy mark', () => {
    const { g, press } = page();
    const [a, b] = [new FakeButton('a'), new FakeButton('b')];
    press(a, { shiftKey: true });
    press(b);
    expect(replayEarlyPresses(g)).toBe(2);
    expect(a.clicks).toEqual([expect.objectContaining({ type: 'click', bubbles: true, shiftKey: true, ctrlKey: false })]);
    expect(b.clicks).toEqual([expect.objectContaining({ type: 'click', bubbles: true, shiftKey: false })]);
    expect(a.attrs.has('aria-busy')).toBe(false);
  });

  it('skips a button no longer in the document or disabled since, but clears its mark', () => {
    const { g, press } = page();
    const [gone, off, ok] = [new FakeButton('gone'), new FakeButton('off'), new FakeButton('ok')];
    press(gone);
    press(off);
    press(ok);
    gone.isConnected = false;
    off.disabled = true;
    expect(replayEarlyPresses(g)).toBe(1);
    expect([gone.clicks.length, off.clicks.length, ok.clicks.length]).toEqual([0, 0, 1]);
    expect(gone.attrs.has('aria-busy') || off.attrs.has('aria-busy')).toBe(false);
  });

  it('ends the capture: a later press is the page’s own, and a second replay does nothing', () => {
    const { g, press } = page();
    const a = new FakeButton('a');
    replayEarlyPresses(g);
    press(a);
    expect(a.attrs.has('aria-busy')).toBe(false);
    expect(replayEarlyPresses(g)).toBe(0);
    expect(a.clicks).toEqual([]);
  });

  it('does nothing on a page without the script', () => {
    expect(replayEarlyPresses({})).toBe(0);
  });
});
