import { describe, expect, it } from 'vitest';
import { CanvasCommands, type CanvasCommandHandlers } from '../../../src/canvas/commands.ts';

/** A canvas stand-in that records what it was asked, in order. */
function recorder(): { handlers: CanvasCommandHandlers; calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    handlers: {
      frame: (ids) => calls.push(['frame', ids]),
      rearrange: () => calls.push(['rearrange']),
      showView: (restore) => calls.push(['showView', restore]),
    },
  };
}

describe('canvas commands', () => {
  it('reach a connected canvas at once, in order, with their arguments', () => {
    const commands = new CanvasCommands();
    const canvas = recorder();
    commands.connect(canvas.handlers);
    commands.frame(['a', 'b']);
    commands.rearrange();
    commands.showView();
    commands.showView({ restore: { zoom: 2, pan: { x: 3, y: 4 } } });
    expect(canvas.calls).toEqual([['frame', ['a', 'b']], ['rearrange'], ['showView', null], ['showView', { zoom: 2, pan: { x: 3, y: 4 } }]]);
  });

  it('keep the latest call made before the canvas mounts and run it when it connects', () => {
    const commands = new CanvasCommands();
    commands.frame(['a']);
    commands.showView();
    const canvas = recorder();
    commands.connect(canvas.handlers);
    expect(canvas.calls).toEqual([['showView', null]]);
    // Delivered once: a second canvas (remounted) does not replay it.
    const again = recorder();
    commands.connect(again.handlers);
    expect(again.calls).toEqual([]);
  });

  it('stop reaching a canvas that disconnected, and keep the call for the next one', () => {
    const commands = new CanvasCommands();
    const first = recorder();
    const disconnect = commands.connect(first.handlers);
    disconnect();
    commands.frame(['x']);
    expect(first.calls).toEqual([]);
    const second = recorder();
    commands.connect(second.handlers);
    expect(second.calls).toEqual([['frame', ['x']]]);
  });

  it('copy what they are given, so a caller changing its array or viewport later changes nothing', () => {
    const commands = new CanvasCommands();
    const ids = ['a'];
    const restore = { zoom: 1, pan: { x: 0, y: 0 } };
    commands.frame(ids);
    ids.push('b');
    const canvas = recorder();
    commands.connect(canvas.handlers);
    commands.showView({ restore });
    restore.pan.x = 99;
    expect(canvas.calls).toEqual([['frame', ['a']], ['showView', { zoom: 1, pan: { x: 0, y: 0 } }]]);
  });
});
