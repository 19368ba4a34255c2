// Says so when the overlay thins out dense traffic ("showing 200 of 1,534 messages").
import { useCanvasStore } from '../../stores/canvas-store';

export function ThinnedNotice() {
  const text = useCanvasStore((s) => s.thinned);
  return text ? (
    <div className="sb-thinned" data-testid="thinned-notice" role="status">
      {text}
    </div>
  ) : null;
}
