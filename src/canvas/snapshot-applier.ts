// Brings Cytoscape's elements in line with the map snapshot: each change as a diff applied in one
// cy.batch, a big map added a frame's worth at a time (chunked-add.ts) so the page never freezes, every
// node placed where the current layout says. Framework-free: Canvas.svelte owns one per mount.
import type { Core } from 'cytoscape';
import type { PathwaysMap } from '../model/types.ts';
import { isViewLayout, placeViewLayout, viewLayoutPlacement } from './apply-view.ts';
import { nextTask } from '../model/tasks.ts';
import { addInSlices, CHUNKED_ADD_FROM, nextFrame, type ChunkedAdd } from './chunked-add.ts';
import { askInteractiveInSlices, sortForDrawing } from './z-order.ts';
import { buildElementsInSlices, diffElements, type BuiltElements, type ElementDef } from './elements.ts';
import type { CanvasStudio } from './host.ts';
import { lanesLayout, type LanesLayout } from './layouts/lanes.ts';
import { lanesPlaced } from './lane-titles.ts';
import { pauseDrawing, setBigMap } from './level-of-detail.ts';
import { isBigMap, overviewElements } from './overview.ts';
import { initialPosition, keepSelectionInView, laneElements, moveIfChanged } from './placement.ts';

/** Ties drawn faint among the lanes: the story there is the programs' referrals. */
const CONTEXT_TIES = new Set(['partnership', 'funding', 'data-sharing']);
const CONTEXT_SELECTOR = [...CONTEXT_TIES].map((type) => `.${type}`).join(', ');

export interface SnapshotHost {
  readonly studio: CanvasStudio;
  readonly readonly: boolean;
  /** Whether the Organizations lane shows (a view that hides every organization hides it). */
  orgLaneShown(): boolean;
  /** A big map has finished arriving in slices: overlays and the view apply again. */
  landed(): void;
  /** A big map is arriving, or has arrived (the canvas port's `setBusy`). */
  busy(busy: boolean): void;
}

export class SnapshotApplier {
  /** The map the elements show, and the layout they are placed by. */
  applied: PathwaysMap | null = null;
  appliedLayout: string | null = null;
  /** Whether the Organizations lane was placed. */
  placedOrgLane = true;
  #loading: ChunkedAdd | undefined;
  #deferred = false;
  #arrivedWhileLoading: PathwaysMap | null = null;
  #destroyed = false;
  /** The lane elements last placed, as JSON: placed again only when they differ. */
  #placedLanes: string | null = null;
  /** The lanes' positions last placed: after an edit only the nodes whose place differs are moved. */
  #placedPositions: LanesLayout['positions'] | null = null;

  constructor(
    private readonly cy: Core,
    private readonly host: SnapshotHost,
  ) {}

  /**
   * Puts every node where the current layout says, in one batch. `lanesGiven`: every node and tie was just
   * added in its lane position and with its lanes classes (a big map's load), so only the lanes themselves are placed.
   */
  placeAll(map: PathwaysMap, lanesGiven = false): void {
    const { cy: c, host } = this;
    const { studio } = host;
    const wasLanes = this.appliedLayout === 'lanes';
    c.batch(() => {
      if (studio.layout === 'lanes') {
        const layout = lanesLayout(map);
        const { positions, lanes } = layout;
        const orgLaneShown = host.orgLaneShown();
        const laneDefs = laneElements(orgLaneShown ? lanes : lanes.filter((lane) => lane.kind !== 'organizations'));
        if (isBigMap(map)) laneDefs.push(...overviewElements(layout, map));
        // The lanes (bands, titles, the overview's counts) are made again only when they change: an edit
        // to a program's fields on a county map would otherwise rebuild them all (~40 ms at 2,000 programs).
        const signature = JSON.stringify(laneDefs);
        if (signature !== this.#placedLanes || !wasLanes) {
          c.nodes('.lane').remove();
          c.add(laneDefs);
          lanesPlaced(c);
          this.#placedLanes = signature;
        }
        this.placedOrgLane = orgLaneShown;
        c.autoungrabify(true);
        const placed = wasLanes ? this.#placedPositions : null;
        // Each node that moved, found by the positions (a scan of every node and a filter was ~35 ms at 5,000 programs).
        if (placed && !lanesGiven) {
          for (const [id, to] of Object.entries(positions)) {
            const was = placed[id];
            if (was && was.x === to.x && was.y === to.y) continue;
            const node = c.$id(id);
            if (node.nonempty()) moveIfChanged(node, to);
          }
        } else if (!lanesGiven) c.nodes().not('.lane').forEach((n) => moveIfChanged(n, positions[n.id()]));
        this.#placedPositions = positions;
        // Ties added or changed in lanes got the class as they came (edgeClasses): only a switch to lanes classes them all.
        if (!wasLanes && !lanesGiven) c.edges(CONTEXT_SELECTOR).addClass('context');
      } else if (isViewLayout(studio.layout)) {
        this.#removeLanes();
        placeViewLayout(c, viewLayoutPlacement(studio.layout, map, studio.analysis?.report ?? null, studio.currentView, studio.viewPresentation?.visible));
      } else {
        this.#removeLanes();
        c.edges().removeClass('context');
        c.autoungrabify(host.readonly);
        c.nodes().forEach((n) => moveIfChanged(n, map.positions[n.id()] ?? initialPosition(map, n.id(), c)));
      }
    });
    this.appliedLayout = studio.layout;
    setBigMap(c, isBigMap(map), studio.layout === 'lanes');
  }

  #removeLanes(): void {
    this.cy.nodes('.lane').remove();
    lanesPlaced(this.cy);
    this.#placedLanes = null;
    this.#placedPositions = null;
  }

  /** Shows `map`: the elements that changed, in one batch, or a big map in slices (`built`: its elements, built ahead). */
  apply(map: PathwaysMap, deferred = false, built: BuiltElements | null = null): void {
    if (this.#destroyed) return;
    // A big map is still arriving in slices: the newest map is applied (as a diff) once it lands.
    if (this.#loading || this.#deferred) {
      this.#arrivedWhileLoading = map;
      return;
    }
    const { applied } = this;
    // A big map loaded in place of a small one is built in a task of its own, not in the one that wrote the document.
    if (!deferred && isBigMap(map) && !(applied && isBigMap(applied))) return this.#deferLoad(map);
    const { cy: c, host } = this;
    const { studio } = host;
    const diff = diffElements(applied, map, built);
    // The first content counts as a first paint too: a room's map arrives from peers after an empty start,
    // and another map opened in place of this one (every element replaced) is framed like a first paint.
    const replaced = applied !== null && applied.nodes.length > 0 && map.nodes.length > 0 && diff.remove.length >= applied.nodes.length + applied.edges.length;
    const first = applied === null || (applied.nodes.length === 0 && map.nodes.length > 1) || replaced;
    const structural = diff.add.length > 0 || diff.remove.length > 0 || applied?.meta !== map.meta;
    // In lanes, new nodes start where the lanes put them (one move, not two).
    const lanePositions = studio.layout === 'lanes' && diff.add.length > 1 ? lanesLayout(map).positions : null;
    // On a big map ties are drawn light and thin (class `bulk`), so the programs stay readable among thousands.
    const bulk = isBigMap(map) ? ' bulk' : '';
    // Context ties among the lanes get their class as they are added, not as a restyle of thousands afterwards.
    const edgeClasses = (def: ElementDef) => def.classes + bulk + (studio.layout === 'lanes' && CONTEXT_TIES.has(def.data.kind as string) ? ' context' : '');
    const additions = diff.add.map((def) => ({
      ...def,
      classes: def.group === 'edges' ? edgeClasses(def) : def.classes,
      position: def.group === 'nodes' ? { ...(lanePositions?.[def.data.id] ?? map.positions[def.data.id] ?? initialPosition(map, def.data.id, c)) } : undefined,
    }));
    const sliced = additions.length >= CHUNKED_ADD_FROM;
    // Every element of the map is new, added where the lanes put it and classed for them (~50 ms of restyling saved at 5,000 programs).
    const lanesGiven = lanePositions !== null && additions.length === map.nodes.length + map.edges.length;
    c.batch(() => {
      for (const id of diff.remove) c.$id(id).remove();
      for (const def of diff.update) {
        const ele = c.$id(def.data.id);
        ele.data(def.data);
        ele.classes(def.group === 'edges' ? edgeClasses(def) : def.classes);
      }
      if (additions.length && !sliced) c.add(additions);
      // Positions moved by a peer (or undo) in the free layout.
      if (studio.layout === 'force' && !first && applied && applied.positions !== map.positions) {
        for (const [id, p] of Object.entries(map.positions)) {
          const before = applied.positions[id];
          if (before && before.x === p.x && before.y === p.y) continue;
          const node = c.$id(id);
          if (node.nonempty() && !node.grabbed()) node.position({ ...p });
        }
      }
    });
    const classedFor = studio.layout;
    if (!sliced) return this.#finish(map, first, structural || diff.update.length > 0, { lanesGiven: false, classedFor });
    // Big maps arrive a frame's worth at a time, so the page never freezes while loading.
    pauseDrawing(c, true);
    host.busy(true);
    const slicing = addInSlices(c, additions);
    this.#loading = slicing;
    void slicing.done.then(async (complete) => {
      if (this.#loading !== slicing) return;
      if (!complete || this.#destroyed) {
        this.#loading = undefined;
        return host.busy(false);
      }
      this.#finish(map, first, true, { lanesGiven, classedFor });
      // Every element's z-order in a task of its own (~30 ms at 5,000 programs): the first frame only draws.
      const current = () => this.#loading === slicing && !this.#destroyed;
      await nextTask();
      if (!current() || !(await askInteractiveInSlices(c, current))) return;
      await nextTask();
      if (!current()) return;
      sortForDrawing(c);
      await nextTask();
      if (!current()) return;
      this.#loading = undefined;
      pauseDrawing(c, false);
      host.busy(false);
      host.landed();
      this.#applyNewest(map);
    });
  }

  /** Stops a load in progress; the page is not busy with this canvas any more. */
  destroy(): void {
    this.#destroyed = true;
    this.#loading?.cancel();
    if (this.#loading || this.#deferred) this.host.busy(false);
    this.#loading = undefined;
    this.#deferred = false;
    this.applied = null;
  }

  #applyNewest(current: PathwaysMap | null, built: BuiltElements | null = null): void {
    const newest = this.#arrivedWhileLoading;
    this.#arrivedWhileLoading = null;
    if (newest && newest !== current) this.apply(newest, true, built);
  }

  /**
   * A big map shown in place of a small one: after a frame, its elements (and lanes) are worked out a few
   * ms per task (~60 ms in one at 5,000 programs); a newer map arriving meanwhile is applied instead.
   */
  #deferLoad(map: PathwaysMap): void {
    this.#deferred = true;
    this.#arrivedWhileLoading = map;
    this.host.busy(true);
    const stillWanted = () => !this.#destroyed && this.#arrivedWhileLoading === map;
    void nextFrame().then(async () => {
      let built: BuiltElements | null = null;
      if (stillWanted()) built = await buildElementsInSlices(map, stillWanted);
      if (stillWanted() && this.host.studio.layout === 'lanes') {
        await nextTask();
        lanesLayout(map); // kept for this map: the load below and its placing read it
      }
      if (this.#destroyed) return;
      this.#deferred = false;
      this.host.busy(false);
      this.#applyNewest(this.applied, built);
    });
  }

  /** After the elements are in: context edges, motion detail, layout, first framing. */
  #finish(map: PathwaysMap, first: boolean, changed: boolean, added: { lanesGiven: boolean; classedFor: string }): void {
    const { cy: c } = this;
    const layout = this.host.studio.layout;
    // The layout may have changed while a big map arrived: what was given for the lanes counts only in lanes.
    const given = added.lanesGiven && layout === 'lanes';
    if (layout === 'lanes' && added.classedFor !== 'lanes') c.edges(CONTEXT_SELECTOR).addClass('context');
    const previous = this.applied;
    this.applied = map;
    // Lanes that are the same object are the same picture: every node already stands where they put it.
    const moved = layout === 'lanes' && changed && !(previous && this.appliedLayout === 'lanes' && lanesLayout(previous) === lanesLayout(map));
    if (first || this.appliedLayout !== layout || moved) {
      this.placeAll(map, given);
      if (!first && layout === 'lanes') keepSelectionInView(c);
    } else setBigMap(c, isBigMap(map), layout === 'lanes');
    // A big map's lanes hold all of it: their bounds are cheap, every element's are not (~0.5 s at 5,000 programs).
    if (first) c.fit(layout === 'lanes' && isBigMap(map) ? c.nodes('.lane') : undefined, 40);
  }
}
