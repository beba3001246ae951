import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { getFragmentData } from '@/gql';
import type { ImportCard_JobFragment } from '@/gql/graphql';
import { ImportCard_job } from './ImportCard';
import { ImportJobQuery, ImportProgressSubscription } from './transfer.operations';

export type ImportJobView = ImportCard_JobFragment;

export const isFinished = (job: { status: string } | undefined | null): boolean => !!job && job.status !== 'RUNNING';

/**
 * An import job as it runs: pushed by the `importProgress` subscription, with the job read once at
 * the start (it may already be over) and again every few seconds in case the stream missed its end;
 * every 2 s when the subscription fails.
 */
export function useImportJob(jobId: string): { job: ImportJobView | undefined; polling: boolean } {
  const [polling, setPolling] = useState(false);
  const [pushed, setPushed] = useState<ImportJobView | undefined>(undefined);
  const [readFinished, setReadFinished] = useState(false);
  const finishedByPush = isFinished(pushed);
  const interval = finishedByPush || readFinished ? 0 : polling ? 2000 : 5000;
  const query = useQuery(ImportJobQuery, {
    variables: { id: jobId },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
    pollInterval: interval,
  });
  const read = getFragmentData(ImportCard_job, query.data?.importJob);
  if (isFinished(read) && !readFinished) setReadFinished(true);
  const finished = finishedByPush || isFinished(read);
  useSubscription(ImportProgressSubscription, {
    variables: { jobId },
    skip: polling || finished,
    onData: ({ data }) => {
      if (data.data) setPushed(getFragmentData(ImportCard_job, data.data.importProgress));
    },
    onError: () => setPolling(true),
  });
  const job = isFinished(pushed) ? pushed : isFinished(read) ? read : (pushed ?? read);
  return { job, polling };
}
