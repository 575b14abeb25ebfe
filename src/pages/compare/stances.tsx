import type { ComparedStance } from '../../domain/comparison.ts';
import type { Quote } from '../../domain/scenario.ts';
import { quoteKindText } from '../../formats/quote-text.ts';
import { formatDate, humanize } from '../format.ts';
import type { PageContext } from './page-context.ts';
import { ScenarioColumns } from './scenario-key.tsx';
import { Refs } from './source-refs.tsx';

/** The speaker's words in quotation marks (with the language they were translated from); an outlet's paraphrase without. */
const QuoteBlock = ({ quote }: { quote: Quote }) =>
  quote.kind === 'paraphrase' ? (
    <p class="paraphrase">
      <span class="meta">Paraphrase: </span>
      {quote.text}
    </p>
  ) : (
    <blockquote>
      “{quote.text}” <span class="meta">({quoteKindText(quote)})</span>
    </blockquote>
  );

const StanceCell = ({ stance, ctx }: { stance: ComparedStance; ctx: PageContext }) =>
  stance.stance === 'not-recorded' ? (
    <td class="na">No stance recorded</td>
  ) : (
    <td>
      <p>
        <span class="stance">{humanize(stance.stance)}</span>
      </p>
      {stance.quote && <QuoteBlock quote={stance.quote} />}
      {(stance.speaker || stance.date) && (
        <p class="who">
          — {stance.speaker}
          {stance.date && (
            <>
              {stance.speaker ? ', ' : ''}
              <time datetime={stance.date}>{formatDate(stance.date)}</time>
            </>
          )}
        </p>
      )}
      {stance.note && <p class="hint">{stance.note}</p>}
      <Refs ids={stance.sources} ctx={ctx} />
    </td>
  );

/** Each party's stance on each scenario, with its quote. */
export const Stances = ({ ctx }: { ctx: PageContext }) => {
  const { comparison } = ctx;
  return (
    <section aria-labelledby="stances">
      <h2 id="stances">What each party said</h2>
      <section class="table-wrap" aria-labelledby="stances-caption" tabindex={0}>
        <table class="matrix">
          <caption id="stances-caption">Each party’s stance on each scenario, with its quote</caption>
          <ScenarioColumns first={['Party']} scenarios={comparison.scenarios} />
          <tbody>
            {comparison.stances.map((row) => (
              <tr>
                <th scope="row">{row.name}</th>
                {comparison.scenarios.map((scenario) => (
                  <StanceCell stance={row.positions[scenario.id] as ComparedStance} ctx={ctx} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
};
