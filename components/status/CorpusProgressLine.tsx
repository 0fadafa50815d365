import { useEffect, useState } from 'react';
import { corpusProgressItem, isLiveProgress, type CorpusProgress } from '@/utils/corpus/progress';

/** One line while the background seeds or imports a corpus pack; nothing otherwise. */
export function CorpusProgressLine() {
  const [progress, setProgress] = useState<CorpusProgress | null>(null);
  useEffect(() => {
    let alive = true;
    void corpusProgressItem.getValue().then((p) => alive && setProgress(p));
    const unwatch = corpusProgressItem.watch((p) => setProgress(p));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  if (!isLiveProgress(progress)) return null;
  const verb = progress.phase === 'seeding' ? 'Setting up the corpus' : `Importing “${progress.packName}”`;
  return (
    <p className="sl-muted" role="status" data-testid="corpus-progress">
      {verb}: {progress.done.toLocaleString('en')} / {progress.total.toLocaleString('en')} summaries{' '}
      <progress max={progress.total || 1} value={progress.done} aria-label="Corpus install progress" />
    </p>
  );
}
