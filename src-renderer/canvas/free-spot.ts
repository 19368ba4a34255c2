// Where "+" puts a new node: in its role column (left to right: clients | proxies | lobby/game |
// master | services), at the foot of the cards already there, and never on top of any drawn card
// (an expanded group's members, a card the user dragged). Other cards do not move: the new node
// gets this position saved, so the layout of the rest stays as it was. Pure.
import { COLUMN_WIDTH } from './layout';

/** A card as drawn: its top-left, size and role column. */
export interface DrawnBox {
  x: number;
  y: number;
  w: number;
  h: number;
  column: number;
}

/** Room a new card needs (a full card is about 180 × 90). */
export const NEW_CARD = { w: 200, h: 100 };
const GAP = 20;

function overlaps(a: { x: number; y: number; w: number; h: number }, b: DrawnBox): boolean {
  return a.x < b.x + b.w + GAP && b.x < a.x + a.w + GAP && a.y < b.y + b.h + GAP && b.y < a.y + a.h + GAP;
}

/** Top-left for a new card in role column `column`, given the cards drawn now. */
export function freeSpot(column: number, drawn: readonly DrawnBox[]): { x: number; y: number } {
  if (drawn.length === 0) return { x: column * COLUMN_WIDTH, y: 0 };
  const mine = drawn.filter((b) => b.column === column);
  let x: number;
  let y: number;
  if (mine.length > 0) {
    x = Math.min(...mine.map((b) => b.x));
    y = Math.max(...mine.map((b) => b.y + b.h)) + GAP;
  } else {
    // An empty column: as far from its nearest drawn column as the columns are apart.
    const nearest = [...drawn].sort((a, b) => Math.abs(a.column - column) - Math.abs(b.column - column) || a.x - b.x)[0];
    const beside = drawn.filter((b) => b.column === nearest.column);
    x = Math.min(...beside.map((b) => b.x)) + (column - nearest.column) * COLUMN_WIDTH;
    y = Math.min(...drawn.map((b) => b.y));
  }
  // Step down past anything in the way (bounded: each step clears at least one card).
  for (let k = 0; k <= drawn.length; k++) {
    const hit = drawn.filter((b) => overlaps({ x, y, ...NEW_CARD }, b));
    if (hit.length === 0) break;
    y = Math.max(...hit.map((b) => b.y + b.h)) + GAP;
  }
  return { x: Math.round(x), y: Math.round(y) };
}
