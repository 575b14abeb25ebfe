import { formatDate } from '../format.ts';
import type { PageContext } from './page-context.ts';

/** "Sources: [3] [7]": links to the numbered entries of the Sources list. */
export const Refs = ({ ids, ctx }: { ids: readonly string[]; ctx: PageContext }) => {
  const refs = ids.flatMap((id) => {
    const entry = ctx.sourceNumbers.get(id);
    return entry ? [{ id, ...entry }] : [];
  });
  if (refs.length === 0) return null;
  return (
    <p class="refs">
      Sources:{' '}
      {refs.map(({ id, n, source }) => (
        <>
          <a
            href={`#source-${id}`}
            title={`${source.publisher}: ${source.title}`}
            aria-label={`Source ${n}: ${source.publisher}, ${formatDate(source.date)}`}
          >
            [{n}]
          </a>{' '}
        </>
      ))}
    </p>
  );
};
