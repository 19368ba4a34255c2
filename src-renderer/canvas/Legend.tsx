// The canvas legend: what each colour and line means, from the same table the overlay, the
// sequence view and the exports use (core/replay/message-style.ts).
import { MESSAGE_COLORS, MESSAGE_KINDS, MESSAGE_LOOK } from '../../core/replay/message-style';
import { useUiStore } from '../stores/ui-store';

export function Legend() {
  const theme = useUiStore((s) => s.theme);
  const colors = MESSAGE_COLORS[theme];
  return (
    <div className="sb-legend" data-testid="canvas-legend" aria-label="Legend">
      {MESSAGE_KINDS.map((k) => {
        const look = MESSAGE_LOOK[k];
        return (
          <span key={k} className="sb-legend__item" data-testid={`legend-${k}`} data-color={colors[k]} title={look.label}>
            {look.glyph ? (
              <span className="sb-legend__glyph" style={{ background: colors[k] }}>{look.glyph}</span>
            ) : (
              <span className={`sb-legend__line${look.dash.length ? ' is-dashed' : ''}`} style={{ borderTopColor: colors[k], borderTopWidth: Math.max(2, look.width) }} />
            )}
            {look.label}
          </span>
        );
      })}
    </div>
  );
}
