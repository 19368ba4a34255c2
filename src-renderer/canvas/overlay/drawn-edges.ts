// What the canvas draws, for the overlay: the direction of each drawn edge (so a message follows
// it) and which card shows a node (itself, or the group card it is folded into). The canvas sets
// these when its edges or groups change; the overlay reads them every frame.
const dirs = new Map<string, 1 | -1>();
let cardOf: (id: string) => string = (id) => id;

export function setDrawnEdges(edges: readonly { source: string; target: string }[]): void {
  dirs.clear();
  for (const e of edges) {
    dirs.set(`${e.source}|${e.target}`, 1);
    if (!dirs.has(`${e.target}|${e.source}`)) dirs.set(`${e.target}|${e.source}`, -1);
  }
}

export function edgeDir(a: string, b: string): 1 | -1 | 0 {
  return dirs.get(`${a}|${b}`) ?? 0;
}

/** `map`: node id → id of the card it is drawn on. */
export function setCardMap(map: (id: string) => string): void {
  cardOf = map;
  cardMapVersion++;
}

/** Bumped when the card map changes (caches keyed on it start over). */
export let cardMapVersion = 0;

export function cardIdOf(id: string): string {
  return cardOf(id);
}
