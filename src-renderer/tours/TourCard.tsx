// The tour's card over the canvas: the step's explanation, then "what happens next?" with choices,
// feedback on the answer, and the next hop shown only after the learner committed to a guess.
import { answer, endTour, nextStep, useTourStore } from './tour-store';
import './tours.css';

export function TourCard() {
  const v = useTourStore();
  if (!v.tour) return null;
  const cur = v.steps[v.at];
  const next = v.steps[v.at + 1];
  const q = next?.step.predict;
  return (
    <aside className="sb-tour" data-testid="tour-card" data-tour={v.tour.id} data-step={v.at} aria-label="Guided tour">
      <header>
        <b>{v.tour.title}</b>
        <span className="sb-muted">
          step {v.at + 1} of {v.steps.length}
        </span>
        <button type="button" data-testid="tour-close" aria-label="Close the tour" onClick={endTour}>✕</button>
      </header>
      {v.done ? (
        <p data-testid="tour-done">
          Tour complete. You predicted {v.right} of {v.asked} hops correctly.
        </p>
      ) : (
        <>
          {cur ? (
            <>
              <h4 data-testid="tour-step-title">{cur.step.title}</h4>
              <p data-testid="tour-step-text">{cur.step.text(cur.event)}</p>
            </>
          ) : null}
          {v.asking && q && next ? (
            <div className="sb-tour__ask" data-testid="tour-question">
              <p>
                <b>Predict:</b> {q.question}
              </p>
              <div className="sb-tour__options">
                {v.asking.options.map((o) => {
                  const chosen = v.asking?.answer === o.label;
                  const reveal = v.asking?.answer !== null;
                  return (
                    <button
                      key={o.label}
                      type="button"
                      data-testid="tour-option"
                      data-label={o.label}
                      disabled={reveal}
                      className={reveal && o.correct ? 'is-right' : chosen ? 'is-wrong' : ''}
                      onClick={() => answer(o.label)}
                    >
                      {o.label}
                    </button>
                  );
                })}
              </div>
              {v.asking.answer !== null ? (
                <p className="sb-tour__feedback" data-testid="tour-feedback" data-correct={String(v.asking.options.some((o) => o.correct && o.label === v.asking?.answer))}>
                  {v.asking.options.some((o) => o.correct && o.label === v.asking?.answer) ? '✓ Right. ' : '✗ Not quite. '}
                  {q.why(next.event)}
                </p>
              ) : null}
            </div>
          ) : null}
          <footer>
            {v.asking && v.asking.answer === null ? null : (
              <button type="button" data-testid="tour-next" className="sb-primary" onClick={nextStep}>
                {v.asking ? 'Show it' : next ? 'Next' : 'Finish'}
              </button>
            )}
          </footer>
        </>
      )}
    </aside>
  );
}
